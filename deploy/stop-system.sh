#!/usr/bin/env bash
# Stops the services and the portal started by deploy/start-system.sh, then PostgreSQL and RabbitMQ.
# Data stays; deploy/start-system.sh brings it all back.
#
#   deploy/stop-system.sh               services, then PostgreSQL and RabbitMQ
#   deploy/stop-system.sh --keep-infra  the services only: PostgreSQL and RabbitMQ keep running
#                                       (for tests, or other checkouts, that use them meanwhile)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
keep_infra=
case "${1:-}" in
  "") ;;
  --keep-infra) keep_infra=1 ;;
  *) echo "usage: $0 [--keep-infra]" >&2; exit 2 ;;
esac
for pid_file in "$root"/.local/run/*.pid; do
  [ -e "$pid_file" ] || continue
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    echo "[system] stopped $(basename "$pid_file" .pid) (pid $pid)" >&2
  fi
  rm -f "$pid_file"
done
if [ -z "$keep_infra" ]; then
  "$root/deploy/infra/stop.sh"
fi
