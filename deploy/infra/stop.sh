#!/usr/bin/env bash
# Stops the PostgreSQL and RabbitMQ started by start.sh. Data is kept, so the
# next start.sh comes back with the same databases/vhosts. Succeeds when
# nothing is running.
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
PGDATA_DIR=$STATE/pgdata
PID_FILE=$STATE/rabbitmq/rabbitmq.pid

if [[ ! -d $STATE ]]; then
    log "no state dir $STATE - nothing to stop"
    exit 0
fi

# Same lock as start.sh so a stop cannot interleave with a half-done start.
exec 9>"$STATE/.lock"
flock -w 300 9 || { log "timed out waiting for $STATE/.lock"; exit 1; }

stop_postgres() {
    local pg_ctl
    if [[ ! -s $PGDATA_DIR/PG_VERSION ]]; then
        log "PostgreSQL: no cluster in $PGDATA_DIR - nothing to stop"
        return 0
    fi
    if ! find_pg_bin || ! pg_ctl=$(pg_tool pg_ctl); then
        log "PostgreSQL: pg_ctl not found - cannot stop"
        return 1
    fi
    if ! as_pg "$pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        log "PostgreSQL: not running"
        return 0
    fi
    log "PostgreSQL: stopping"
    # fast = roll back open transactions instead of waiting for test clients.
    as_pg "$pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >&2
}

stop_rabbit() {
    if ! tipreferral_rabbit_bin rabbitmqctl >/dev/null 2>&1; then
        log "RabbitMQ: not installed - nothing to stop"
        return 0
    fi
    local pid=
    if [[ -s $PID_FILE ]]; then
        pid=$(<"$PID_FILE")
    fi
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        log "RabbitMQ: stopping node $TIPREFERRAL_RABBIT_NODENAME"
        # With the pid file, `stop` also waits until the VM has exited, so a
        # following start.sh will not find the ports still bound.
        tipreferral_rabbitmqctl -q stop "$PID_FILE" >&2 9>&-
        return 0
    fi
    # No live pid file: the node may still run if the file was removed.
    if tipreferral_rabbitmqctl -q stop >/dev/null 2>&1 9>&-; then
        log "RabbitMQ: stopped node $TIPREFERRAL_RABBIT_NODENAME (it had no pid file)"
    else
        log "RabbitMQ: not running"
    fi
}

rc=0
stop_postgres || rc=1
stop_rabbit || rc=1
exit "$rc"
