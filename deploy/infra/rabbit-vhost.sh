#!/usr/bin/env bash
# Usage: deploy/infra/rabbit-vhost.sh VHOST
# Creates VHOST on the node from start.sh and grants guest full access, so a
# test can isolate its exchanges/queues. Safe to repeat.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/env.sh
source "$SCRIPT_DIR/env.sh"

if [[ $# -ne 1 || -z $1 ]]; then
    echo "usage: $0 VHOST" >&2
    exit 2
fi
vhost=$1

# add_vhost fails on an existing vhost; look first rather than parse errors.
# Captured, not piped: `grep -q` exiting early could SIGPIPE rabbitmqctl and
# pipefail would then read as "vhost missing".
existing=$(tipreferral_rabbitmqctl -q list_vhosts name)
if ! grep -qxF -- "$vhost" <<<"$existing"; then
    tipreferral_rabbitmqctl -q add_vhost "$vhost"
fi
tipreferral_rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*'
echo "vhost '$vhost' ready: amqp://guest:guest@127.0.0.1:$TIPREFERRAL_RABBIT_PORT/${vhost//\//%2F}" >&2
