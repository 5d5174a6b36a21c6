# shellcheck shell=bash
# Helpers shared by start.sh and stop.sh (sourced after env.sh; not for a user's shell).

log() { printf '[infra] %s\n' "$*" >&2; }
is_root() { [[ $(id -u) -eq 0 ]]; }

PG_BIN=
# Finds the directory of one PostgreSQL installation (pg_ctl, initdb, pg_isready of one version).
find_pg_bin() {
    local p
    if p=$(command -v pg_ctl 2>/dev/null); then
        # /usr/local/bin/pg_ctl may be a symlink; the real dir also has
        # initdb/pg_isready/psql of the matching version.
        p=$(dirname -- "$(readlink -f -- "$p")")
        if [[ -x $p/initdb ]]; then
            PG_BIN=$p
            return 0
        fi
    fi
    p=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
    if [[ -n $p && -x $p/pg_ctl && -x $p/initdb ]]; then
        PG_BIN=$p
        return 0
    fi
    return 1
}

pg_tool() {
    # Prefer the tool matching the server version, fall back to PATH.
    if [[ -n $PG_BIN && -x $PG_BIN/$1 ]]; then
        printf '%s\n' "$PG_BIN/$1"
    else
        command -v "$1"
    fi
}

# initdb/pg_ctl refuse to run as root, so as root they run as the postgres OS
# user (from cwd /, which that user can enter unlike /root). The lock file's
# descriptor 9 is closed so a started server never holds the lock.
as_pg() {
    if is_root; then
        su postgres -s /bin/bash -c "$(printf '%q ' "$@")" 9>&-
    else
        "$@" 9>&-
    fi
}
