#!/usr/bin/env bash
# Stops the services started by deploy/start-system.sh, then PostgreSQL and RabbitMQ.
# Data stays; deploy/start-system.sh brings it all back.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for pid_file in "$root"/.local/run/*.pid; do
  [ -e "$pid_file" ] || continue
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    echo "[system] stopped $(basename "$pid_file" .pid) (pid $pid)" >&2
  fi
  rm -f "$pid_file"
done
"$root/deploy/infra/stop.sh"
