#!/usr/bin/env bash
# Starts (or reuses) the local PostgreSQL and RabbitMQ the services and tests
# expect, without Docker or systemd. Safe to run repeatedly and concurrently.
#
# Progress goes to stderr; stdout carries only the export lines, so both
#   deploy/infra/start.sh
#   eval "$(deploy/infra/start.sh)"
# are useful.
#
# Env knobs (besides those in env.sh):
#   TIPREFERRAL_NO_INSTALL=1     never apt-get install missing servers
#   TIPREFERRAL_PG_EXTRA_OPTS    extra postgres options, e.g. "-c fsync=off"
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/env.sh
source "$SCRIPT_DIR/env.sh"
# shellcheck source=SCRIPTDIR/lib.sh
source "$SCRIPT_DIR/lib.sh"
# Every path below is absolute; a neutral cwd keeps postgres tools from
# complaining when the caller sits somewhere they cannot read (e.g. /root).
cd /

STATE=$TIPREFERRAL_STATE_DIR
PG_PORT=$TIPREFERRAL_PG_PORT
PG_DB=$TIPREFERRAL_PG_DATABASE
PGDATA_DIR=$STATE/pgdata
PG_LOG=$STATE/postgres.log
RABBIT_DIR=$STATE/rabbitmq
RABBIT_NODE=$TIPREFERRAL_RABBIT_NODENAME
PG_WAIT_SECONDS=60
RABBIT_WAIT_SECONDS=90

die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
may_install() { is_root && [[ -z ${TIPREFERRAL_NO_INSTALL:-} ]]; }

show_log_tail() {
    local f
    for f in "$@"; do
        [[ -f $f ]] || continue
        printf -- '----- tail of %s -----\n' "$f" >&2
        tail -n 40 -- "$f" >&2 || true
    done
}

# Another start.sh (e.g. a parallel test run) may be half-way through initdb
# or booting the broker; serialise so the second caller just reuses.
mkdir -p "$STATE"
if is_root; then
    # postgres/rabbitmq users must be able to traverse into their subfolders.
    chmod 755 "$STATE"
fi
exec 9>"$STATE/.lock"
flock -w 300 9 || die "timed out waiting for $STATE/.lock (another start/stop running?)"
# Note: every command below that may leave a daemon behind gets `9>&-`,
# otherwise the daemon inherits the fd and holds the lock forever.

# --- apt -----------------------------------------------------------------------

POLICY_RC=/usr/sbin/policy-rc.d
POLICY_BACKUP=
POLICY_OURS=
restore_policy_rc() {
    if [[ -n $POLICY_OURS ]]; then
        rm -f "$POLICY_RC"
        POLICY_OURS=
    fi
    if [[ -n $POLICY_BACKUP ]]; then
        mv -f "$POLICY_BACKUP" "$POLICY_RC"
        POLICY_BACKUP=
    fi
}
trap restore_policy_rc EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Debian postinst scripts start services through invoke-rc.d; a policy-rc.d
# answering 101 vetoes that, so installing never launches a system-wide
# instance that would grab our ports (or 5432/5672 on all interfaces).
apt_install() {
    local pkg need_update=
    for pkg in "$@"; do
        apt-cache show --no-all-versions "$pkg" >/dev/null 2>&1 || need_update=1
    done
    if [[ -n $need_update ]]; then
        log "apt-get update (package lists do not know: $*)"
        apt-get update -q 9>&- >&2 || die "apt-get update failed"
    fi
    if [[ -e $POLICY_RC ]]; then
        POLICY_BACKUP=$(mktemp "$POLICY_RC.tipreferral.XXXXXX")
        mv -f "$POLICY_RC" "$POLICY_BACKUP"
    fi
    POLICY_OURS=1
    printf '#!/bin/sh\n# temporary, written by tipreferral deploy/infra/start.sh\nexit 101\n' >"$POLICY_RC"
    chmod 755 "$POLICY_RC"
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" 9>&- >&2 \
        || die "apt-get install $* failed"
    restore_policy_rc
}

# --- PostgreSQL ------------------------------------------------------------------

pg_answers() {
    local isready
    isready=$(pg_tool pg_isready 2>/dev/null) || return 1
    # Explicit user/db: the default (the OS user, e.g. root) is not a role,
    # and each probe would log "FATAL: role ... does not exist".
    "$isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2
}

pg_locale() {
    # UTF8 regardless of the caller's LANG (a bare C locale would give
    # SQL_ASCII); C.UTF-8 ships with glibc, plain C is the fallback.
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        printf 'C.UTF-8\n'
    else
        printf 'C\n'
    fi
}

start_postgres() {
    if pg_answers; then
        log "PostgreSQL already answering on 127.0.0.1:$PG_PORT - reusing it"
        return 0
    fi

    if ! find_pg_bin; then
        may_install || die "PostgreSQL binaries not found (and not installing: not root or TIPREFERRAL_NO_INSTALL set)"
        apt_install postgresql
        find_pg_bin || die "PostgreSQL installed but no /usr/lib/postgresql/*/bin found"
    fi
    log "PostgreSQL binaries: $PG_BIN"

    if is_root; then
        getent passwd postgres >/dev/null || die "running as root but there is no 'postgres' OS user to run the server as"
    fi

    mkdir -p "$PGDATA_DIR"
    touch "$PG_LOG"
    if is_root; then
        chown postgres:postgres "$PGDATA_DIR" "$PG_LOG"
    fi
    chmod 700 "$PGDATA_DIR"

    if [[ ! -s $PGDATA_DIR/PG_VERSION ]]; then
        log "initdb $PGDATA_DIR"
        local pwfile
        pwfile=$(mktemp "$STATE/.pwfile.XXXXXX")
        # Trust auth is what the tests rely on; the password only makes the
        # advertised connection string true should someone switch to md5.
        printf 'postgres\n' >"$pwfile"
        if is_root; then chown postgres "$pwfile"; fi
        if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres \
            --pwfile="$pwfile" -E UTF8 --locale="$(pg_locale)" >>"$PG_LOG" 2>&1; then
            rm -f "$pwfile"
            show_log_tail "$PG_LOG"
            die "initdb failed"
        fi
        rm -f "$pwfile"
    fi

    # A postmaster that is up but not yet accepting (or crash-recovering)
    # would make a second `pg_ctl start` fail; just wait for it instead.
    if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        log "postmaster for $PGDATA_DIR already running; waiting for it"
    else
        log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
        # max_connections: test suites open many pools in parallel.
        local opts="-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300"
        opts+=${TIPREFERRAL_PG_EXTRA_OPTS:+ $TIPREFERRAL_PG_EXTRA_OPTS}
        if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t "$PG_WAIT_SECONDS" \
            -o "$opts" start >&2; then
            show_log_tail "$PG_LOG"
            die "pg_ctl start failed"
        fi
    fi

    local deadline=$((SECONDS + PG_WAIT_SECONDS))
    until pg_answers; do
        if ((SECONDS >= deadline)); then
            show_log_tail "$PG_LOG"
            die "PostgreSQL did not answer on 127.0.0.1:$PG_PORT within ${PG_WAIT_SECONDS}s"
        fi
        sleep 1
    done
    log "PostgreSQL is up"
}

ensure_database() {
    local psql exists name
    psql=$(pg_tool psql) || die "psql not found"
    for name in "$PG_DB" $TIPREFERRAL_PG_SERVICE_DATABASES; do
        # PGPASSWORD only matters if a reused server is not in trust mode.
        exists=$(PGPASSWORD=postgres PGCONNECT_TIMEOUT=5 "$psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres \
            -d postgres -v ON_ERROR_STOP=1 -tA \
            -c "SELECT 1 FROM pg_database WHERE datname = '$name'") \
            || die "cannot query PostgreSQL on 127.0.0.1:$PG_PORT as postgres"
        if [[ $exists == 1 ]]; then
            log "database '$name' exists"
        else
            PGPASSWORD=postgres PGCONNECT_TIMEOUT=5 "$psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres \
                -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$name\"" \
                || die "CREATE DATABASE $name failed"
            log "database '$name' created"
        fi
    done
}

# --- RabbitMQ --------------------------------------------------------------------

rabbit_installed() { tipreferral_rabbit_bin rabbitmq-server >/dev/null 2>&1; }

# Answers = our node (by name) has finished booting. A short await also
# covers a node that another caller started moments ago.
rabbit_answers() {
    tipreferral_rabbitmqctl -q await_startup --timeout "${1:-5}" >/dev/null 2>&1 9>&-
}

port_in_use() {
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# The Debian package's init script would run a rabbit@<host> node bound to all
# interfaces on 5672; policy-rc.d should have stopped it from starting, but if
# some other path did start it, stop it so our node gets the port.
stop_system_rabbit() {
    # Our own node cannot exist yet (the package was just installed), so any
    # rabbitmq-owned VM now is the system one.
    local pids
    pids=$(pgrep -u rabbitmq -x beam.smp 2>/dev/null || true)
    [[ -n $pids ]] || return 0
    log "a system RabbitMQ instance is running after install; stopping it"
    if [[ -x /etc/init.d/rabbitmq-server ]]; then
        /etc/init.d/rabbitmq-server stop >&2 9>&- || true
    fi
    local pid
    for pid in $pids; do
        kill "$pid" 2>/dev/null || true
    done
}

ensure_cookie() {
    # The node and the CLI must read the same cookie. If it does not exist
    # yet, whichever Erlang VM starts first writes one, and a CLI and a
    # booting node can race; create it up front in the home they actually
    # use (the rabbitmq user's as root via the Debian wrapper, see env.sh).
    local home owner
    if is_root; then
        home=$(getent passwd rabbitmq | cut -d: -f6)
        owner=rabbitmq
    else
        home=$HOME
        owner=
    fi
    [[ -n $home && -d $home ]] || die "no home directory for the Erlang cookie ($home)"
    local cookie=$home/.erlang.cookie
    [[ -s $cookie ]] && return 0
    log "creating Erlang cookie $cookie"
    # base64 of a fixed-size read: no `tr </dev/urandom | head` SIGPIPE,
    # which pipefail would turn into a failure.
    (umask 077 && head -c 30 /dev/urandom | base64 | tr -d '\n/+=' >"$cookie")
    chmod 400 "$cookie"
    if [[ -n $owner ]]; then chown "$owner:$owner" "$cookie"; fi
}

write_rabbit_files() {
    mkdir -p "$RABBIT_DIR/mnesia" "$RABBIT_DIR/log"
    # No plugins: nothing else (management, prometheus) opens ports.
    printf '[].\n' >"$RABBIT_DIR/enabled_plugins"
    cat >"$RABBIT_DIR/rabbitmq.conf" <<'EOF'
# Generated by deploy/infra/start.sh; regenerated on every cold start.
# Listener address/port come from RABBITMQ_NODE_IP_ADDRESS/RABBITMQ_NODE_PORT.
log.console = false
log.file.level = info
EOF
    # Empty on purpose: shadows /etc/rabbitmq/rabbitmq-env.conf (see env.sh).
    printf '# intentionally empty, see deploy/infra/env.sh\n' >"$RABBIT_DIR/rabbitmq-env.conf"
    if is_root; then
        getent passwd rabbitmq >/dev/null || die "running as root but there is no 'rabbitmq' OS user"
        chown -R rabbitmq:rabbitmq "$RABBIT_DIR"
    fi
}

start_rabbit() {
    # Before the first CLI call: that call would otherwise mint the cookie.
    if rabbit_installed; then ensure_cookie; fi
    if rabbit_installed && rabbit_answers 5; then
        log "RabbitMQ node $RABBIT_NODE already running - reusing it"
        return 0
    fi

    if ! rabbit_installed; then
        may_install || die "rabbitmq-server not found (and not installing: not root or TIPREFERRAL_NO_INSTALL set)"
        apt_install rabbitmq-server
        rabbit_installed || die "rabbitmq-server installed but not found"
        stop_system_rabbit
        ensure_cookie
    fi

    if port_in_use "$TIPREFERRAL_RABBIT_PORT"; then
        ss -ltnp "sport = :$TIPREFERRAL_RABBIT_PORT" >&2 || true
        die "port $TIPREFERRAL_RABBIT_PORT is taken by something that is not node $RABBIT_NODE (set TIPREFERRAL_RABBIT_PORT?)"
    fi

    write_rabbit_files

    local server out="$RABBIT_DIR/log/startup.out"
    server=$(tipreferral_rabbit_bin rabbitmq-server)
    log "starting RabbitMQ node $RABBIT_NODE on 127.0.0.1:$TIPREFERRAL_RABBIT_PORT"
    # setsid+nohup: the node must outlive this script and the terminal/CI
    # step that ran it.
    (
        tipreferral_rabbit_env
        # Each queue holds file handles while the node recovers it; with the usual soft limit
        # of 1024 a broker with many queues never finishes booting.
        ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
        exec setsid nohup "$server" >>"$out" 2>&1 </dev/null
    ) 9>&- &
    local launcher=$!

    local deadline=$((SECONDS + RABBIT_WAIT_SECONDS)) left
    while :; do
        left=$((deadline - SECONDS))
        ((left > 0)) || {
            show_log_tail "$out" "$RABBIT_DIR/log/$RABBIT_NODE.log"
            die "RabbitMQ did not finish booting within ${RABBIT_WAIT_SECONDS}s"
        }
        rabbit_answers "$((left < 10 ? left : 10))" && break
        if ! kill -0 "$launcher" 2>/dev/null; then
            show_log_tail "$out" "$RABBIT_DIR/log/$RABBIT_NODE.log"
            die "RabbitMQ server process exited during startup"
        fi
        sleep 1
    done
    log "RabbitMQ is up"
}

# Our settings should keep every listener on loopback; an epmd someone else
# started without ERL_EPMD_ADDRESS (we then reuse it) is the usual offender.
check_loopback_only() {
    local ports=("$PG_PORT" "$TIPREFERRAL_RABBIT_PORT" "$TIPREFERRAL_RABBIT_DIST_PORT" 4369)
    local p bad
    for p in "${ports[@]}"; do
        # epmd always adds [::1] next to 127.0.0.1; that is loopback too.
        bad=$(ss -Hltn "sport = :$p" 2>/dev/null | awk '$4 !~ /^(127\.0\.0\.1|\[::1\]):/' || true)
        if [[ -n $bad ]]; then
            log "WARNING: port $p listens beyond loopback:"
            printf '%s\n' "$bad" >&2
        fi
    done
}

start_postgres
ensure_database
start_rabbit
check_loopback_only

log "ready. Connection strings:"
printf "export TIPREFERRAL_POSTGRES='%s'\n" "$TIPREFERRAL_POSTGRES"
printf "export TIPREFERRAL_RABBITMQ='%s'\n" "$TIPREFERRAL_RABBITMQ"
