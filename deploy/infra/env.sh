# shellcheck shell=bash
# Shared settings for the local PostgreSQL + RabbitMQ used by dev runs and tests.
#
# Usage:  source deploy/infra/env.sh
#
# Every value is only a default: anything already set in the environment wins,
# so CI or a developer can move ports/state without editing this file.
#
# Deliberately no `set -euo pipefail` here: this file is sourced into the
# caller's shell, and flipping errexit/nounset in an interactive shell would
# make the next failing command close the user's terminal. start.sh/stop.sh
# set strict mode themselves before sourcing it, and everything below is safe
# under `set -u`.

# Outside /root on purpose: when we run as root, postgres/rabbitmq are started
# as their own OS users, and those cannot traverse /root (mode 700).
: "${TIPREFERRAL_STATE_DIR:=/tmp/tipreferral-infra}"

# Non-default PG port so we never collide with a distro cluster on 5432.
: "${TIPREFERRAL_PG_PORT:=55432}"
: "${TIPREFERRAL_PG_DATABASE:=tipreferral}"
# One database per service, as each service owns its data: Marten's async daemon holds its
# progress behind a gap in the event sequence while any transaction of its database that began
# before the gap is open, and every service's daemon keeps one open while it leads.
: "${TIPREFERRAL_PG_SERVICE_DATABASES:=tipreferral_identification tipreferral_shelter tipreferral_legal tipreferral_repatriation}"

: "${TIPREFERRAL_RABBIT_PORT:=5672}"
: "${TIPREFERRAL_RABBIT_DIST_PORT:=25672}"
# Short name on "localhost" so it resolves without DNS and never clashes with
# a distro-default rabbit@<hostname> node.
: "${TIPREFERRAL_RABBIT_NODENAME:=tipreferral@localhost}"

# Connection strings are derived after the ports so a port override flows into
# them, unless the caller supplied a full connection string of their own.
: "${TIPREFERRAL_POSTGRES:=Host=127.0.0.1;Port=${TIPREFERRAL_PG_PORT};Username=postgres;Password=postgres;Database=${TIPREFERRAL_PG_DATABASE}}"
: "${TIPREFERRAL_RABBITMQ:=amqp://guest:guest@127.0.0.1:${TIPREFERRAL_RABBIT_PORT}/}"

export TIPREFERRAL_STATE_DIR TIPREFERRAL_PG_PORT TIPREFERRAL_PG_DATABASE TIPREFERRAL_PG_SERVICE_DATABASES \
    TIPREFERRAL_RABBIT_PORT TIPREFERRAL_RABBIT_DIST_PORT TIPREFERRAL_RABBIT_NODENAME \
    TIPREFERRAL_POSTGRES TIPREFERRAL_RABBITMQ

# --- RabbitMQ CLI helpers -----------------------------------------------------
# The node and every CLI call must agree on node name, epmd address and config
# paths, otherwise rabbitmqctl talks to (or spawns) the wrong thing. Keeping
# them in one place means start.sh, stop.sh, rabbit-vhost.sh and an interactive
# `tipreferral_rabbitmqctl list_queues` all behave the same.

# Prints the path of a RabbitMQ script. As root we want the Debian wrapper in
# /usr/sbin (it drops to the rabbitmq user, whose $HOME holds the cookie the
# node uses); as anyone else that wrapper refuses to run, so use the real
# scripts, which then share the caller's own ~/.erlang.cookie with the node.
tipreferral_rabbit_bin() {
    local name=$1
    if [[ $(id -u) -ne 0 && -x /usr/lib/rabbitmq/bin/$name ]]; then
        printf '%s\n' "/usr/lib/rabbitmq/bin/$name"
    elif command -v "$name" >/dev/null 2>&1; then
        command -v "$name"
    elif [[ -x /usr/sbin/$name ]]; then
        printf '%s\n' "/usr/sbin/$name"
    else
        return 1
    fi
}

# Exports the environment shared by our node and its CLI tools. Call it in a
# subshell: it is not meant to leak ERL_* settings into an interactive shell.
tipreferral_rabbit_env() {
    local dir="$TIPREFERRAL_STATE_DIR/rabbitmq"
    export RABBITMQ_NODENAME="$TIPREFERRAL_RABBIT_NODENAME"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$TIPREFERRAL_RABBIT_PORT"
    export RABBITMQ_DIST_PORT="$TIPREFERRAL_RABBIT_DIST_PORT"
    export RABBITMQ_MNESIA_BASE="$dir/mnesia"
    export RABBITMQ_LOG_BASE="$dir/log"
    export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
    # Point the env/advanced files at our dir too so edits under /etc/rabbitmq
    # (e.g. by a distro service) cannot change our node.
    export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    # Whoever first needs epmd starts it (node or CLI), and by default it
    # listens on all interfaces; pin it to loopback for both.
    export ERL_EPMD_ADDRESS=127.0.0.1
    # Both the node's and the CLI's own distribution listeners default to all
    # interfaces as well.
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

# rabbitmqctl against our node, e.g. `tipreferral_rabbitmqctl list_vhosts`.
tipreferral_rabbitmqctl() {
    local bin
    bin=$(tipreferral_rabbit_bin rabbitmqctl) || {
        echo "rabbitmqctl not found (run deploy/infra/start.sh first)" >&2
        return 127
    }
    (
        tipreferral_rabbit_env
        # The wrapper cd's into /var/lib/rabbitmq anyway; starting from / keeps
        # the direct (non-root) scripts away from unreadable working dirs.
        cd / && exec "$bin" -n "$TIPREFERRAL_RABBIT_NODENAME" "$@"
    )
}
