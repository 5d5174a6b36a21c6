#!/usr/bin/env bash
# Starts the whole system on this machine without Docker: PostgreSQL and RabbitMQ on
# loopback, every service, the web portal, and demo data; then prints a call to try and the
# portal's address with two demo logins. Safe to run again:
# running parts are reused, demo data is added once. Stop with deploy/stop-system.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

infrastructure="$("$root/deploy/infra/start.sh")"
eval "$infrastructure"

run_dir="$root/.local/run"
mkdir -p "$run_dir"

# Demo secrets only: a deployment injects its own (see README, "Configuration").
export ASPNETCORE_ENVIRONMENT=Development
# Each service connects to its own database on this server (see TIPREFERRAL_PG_SERVICE_DATABASES).
postgres_server="$(sed -E 's/(^|;)Database=[^;]*//; s/^;//' <<<"$TIPREFERRAL_POSTGRES")"
export RabbitMq__Uri="$TIPREFERRAL_RABBITMQ"
# Tokens come from the development identity provider started below (services/Identity); its
# signing key is generated once into .local/identity/ (git-ignored) and kept across restarts.
export Auth__Authority="${Auth__Authority:-http://127.0.0.1:5000/}"
export Auth__RequireHttpsMetadata="${Auth__RequireHttpsMetadata:-false}"
export Search__NameIndexKey="${Search__NameIndexKey:-development-only-name-index-key-not-for-production-0001}"
# base64 of "dev-only-personal-data-kek-00001": wraps every case's personal-data key.
export PersonalData__KeyEncryptionKey="${PersonalData__KeyEncryptionKey:-ZGV2LW9ubHktcGVyc29uYWwtZGF0YS1rZWstMDAwMDE=}"
export PersonalData__KeyEncryptionKeyId="${PersonalData__KeyEncryptionKeyId:-dev-kek-1}"

# The build runs `npm ci` for the portal's Bootstrap (services/Portal/TipReferral.Portal/package.json).
command -v npm >/dev/null || { echo "[system] npm is missing: the portal's build needs Node.js and npm (apt-get install nodejs npm)." >&2; exit 1; }
echo "[system] building services and the portal (Release)..." >&2
dotnet build "$root/TipReferral.sln" -c Release -v quiet -nologo >"$run_dir/build.log" 2>&1 \
  || { tail -n 40 "$run_dir/build.log" >&2; exit 1; }

# name|project|REST+health port|gRPC port (empty: HTTP only)|database (empty: none). The identity
# provider comes first: the services fetch its discovery document and keys on their first request.
services=(
  "identity|services/Identity/TipReferral.Identity|5000||"
  "identification|services/Identification/TipReferral.Identification|5100|5101|tipreferral_identification"
  "shelter|services/Shelter/TipReferral.Shelter|5200|5201|tipreferral_shelter"
  "legal|services/Legal/TipReferral.Legal|5300|5301|tipreferral_legal"
  "repatriation|services/Repatriation/TipReferral.Repatriation|5400|5401|tipreferral_repatriation"
  # The web portal (Razor Pages): a client of the gRPC ports above with the signed-in user's token;
  # its Portal:* settings (provider, client secret, gRPC addresses) come from its appsettings(.Development).json.
  "portal|services/Portal/TipReferral.Portal|5500||"
)

for service in "${services[@]}"; do
  IFS='|' read -r name project http_port grpc_port database <<<"$service"
  pid_file="$run_dir/$name.pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "[system] $name already running (pid $(cat "$pid_file"))" >&2
    continue
  fi
  dll="$root/$project/bin/Release/net10.0/$(basename "$project").dll"
  settings=(Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" Kestrel__Endpoints__Http__Protocols=Http1)
  if [ -n "$grpc_port" ]; then
    settings+=(Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc_port" Kestrel__Endpoints__Grpc__Protocols=Http2)
  fi
  if [ -n "$database" ]; then
    settings+=(ConnectionStrings__Postgres="$postgres_server;Database=$database")
  fi
  env "${settings[@]}" setsid nohup dotnet "$dll" --contentRoot "$root/$project" >"$run_dir/$name.log" 2>&1 </dev/null &
  echo $! >"$pid_file"
  echo "[system] started $name (pid $!), log: $run_dir/$name.log" >&2
done

for service in "${services[@]}"; do
  IFS='|' read -r name _ http_port grpc_port _ <<<"$service"
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$http_port/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$http_port/health/ready" >/dev/null \
    || { echo "[system] $name did not become ready; see $run_dir/$name.log" >&2; tail -n 30 "$run_dir/$name.log" >&2; exit 1; }
  if [ -n "$grpc_port" ]; then
    echo "[system] $name ready on http://127.0.0.1:$http_port (REST) and :$grpc_port (gRPC)" >&2
  else
    echo "[system] $name ready on http://127.0.0.1:$http_port" >&2
  fi
done

devtools="$root/deploy/tools/TipReferral.DevTools/bin/Release/net10.0/TipReferral.DevTools.dll"
# The identification demo cases first; the shelter, legal-assistance and repatriation services take
# them in over RabbitMQ, and the seed waits for them before it places some in the demo shelters,
# opens proceedings, and refers one from Italy to Nigeria. Incomplete demo data (it says why)
# leaves the system running.
dotnet "$devtools" seed http://127.0.0.1:5101 http://127.0.0.1:5201 http://127.0.0.1:5301 http://127.0.0.1:5401 \
  || echo "[system] WARNING: the demo data is incomplete (see above); the services run without it." >&2

token="$(dotnet "$devtools" token screener.ng)"
staff_token="$(dotnet "$devtools" token shelterstaff.ng)"
caseworker_it_token="$(dotnet "$devtools" token caseworker.it)"
prosecutor_token="$(dotnet "$devtools" token prosecutor.ng)"
supervisor_token="$(dotnet "$devtools" token supervisor.it)"
receiving_agency_token="$(dotnet "$devtools" token receivingagency.ng)"
# The demo referral's case for the example calls: the first (newest) in NAPTIP Abuja's inbox.
referral_case="$(curl -fs -H "Authorization: Bearer $receiving_agency_token" 'http://127.0.0.1:5400/v1/incoming-referrals' \
  | grep -o '"caseId": *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')" || true
referral_case="${referral_case:-<case id>}"
demo_password="${TIPREFERRAL_DEMO_PASSWORD:-$(sed -n 's/.*"DemoPassword": *"\([^"]*\)".*/\1/p' "$root/services/Identity/TipReferral.Identity/appsettings.Development.json" | head -n 1)}"
cat <<EOT

TipReferral is running. Try, as the screener of NAPTIP Lagos (screener.ng):

  TOKEN=$token
  curl -s -H "Authorization: Bearer \$TOKEN" -H 'x-purpose: Finding a file' 'http://127.0.0.1:5100/v1/cases?country=NG'
  curl -s -H "Authorization: Bearer \$TOKEN" -H 'x-purpose: Finding a file' 'http://127.0.0.1:5100/v1/cases?name=amina%20bello'

Reads of personal data need a stated purpose (x-purpose) and are recorded; a
DataProtectionOfficer asks who viewed a case (token for dataprotectionofficer.ng):
  curl -s -H "Authorization: Bearer \$DPO_TOKEN" -H 'x-purpose: Audit' 'http://127.0.0.1:5100/v1/audit/cases/<case id>/reads'

The shelter service (REST on :5200, gRPC on :5201), as the shelter staff of NAPTIP Shelter Lagos
(shelterstaff.ng): beds per shelter, the cases awaiting placement, and one case's placement,
needs, safety plan and services (a read of personal data: state a purpose):

  STAFF_TOKEN=$staff_token
  curl -s -H "Authorization: Bearer \$STAFF_TOKEN" 'http://127.0.0.1:5200/v1/countries/NG/occupancy'
  curl -s -H "Authorization: Bearer \$STAFF_TOKEN" 'http://127.0.0.1:5200/v1/countries/NG/suitable-shelters?group=RESIDENT_GROUP_WOMEN'
  curl -s -H "Authorization: Bearer \$STAFF_TOKEN" 'http://127.0.0.1:5200/v1/countries/NG/awaiting-placement'
  curl -s -H "Authorization: Bearer \$STAFF_TOKEN" -H 'x-purpose: Reviewing the safety plan' 'http://127.0.0.1:5200/v1/shelter-cases/<case id>'

The legal-assistance service (REST on :5300, gRPC on :5301). Residence permits of Italy expiring
within 60 days and the expiry alerts raised, as the case worker of Italy (caseworker.it); a
person's legal situation (prosecutor.ng sees the proceedings, shelterstaff.ng only holds and
protection and what they mean; state a purpose):

  CW_IT_TOKEN=$caseworker_it_token
  curl -s -H "Authorization: Bearer \$CW_IT_TOKEN" 'http://127.0.0.1:5300/v1/countries/IT/expiring-permits?within_days=60'
  curl -s -H "Authorization: Bearer \$CW_IT_TOKEN" 'http://127.0.0.1:5300/v1/countries/IT/permit-expiry-alerts'
  PROSECUTOR_TOKEN=$prosecutor_token
  curl -s -H "Authorization: Bearer \$PROSECUTOR_TOKEN" -H 'x-purpose: Preparing the hearing' 'http://127.0.0.1:5300/v1/legal-files/<case id>'

The repatriation service (REST on :5400, gRPC on :5401). The directory of counterparts in Nigeria,
and the referral in progress from Italy to NAPTIP Abuja: the case worker of Italy (caseworker.it)
sees which hard gates still stop travel and who set each; the receiving agency (receivingagency.ng)
sees its inbox and the signed disclosure package, nothing else of the case:

  curl -s -H "Authorization: Bearer \$CW_IT_TOKEN" 'http://127.0.0.1:5400/v1/receiving-agencies?country=NG'
  curl -s -H "Authorization: Bearer \$CW_IT_TOKEN" 'http://127.0.0.1:5400/v1/return-cases/$referral_case/readiness'
  AGENCY_NG_TOKEN=$receiving_agency_token
  curl -s -H "Authorization: Bearer \$AGENCY_NG_TOKEN" 'http://127.0.0.1:5400/v1/incoming-referrals'
  curl -s -H "Authorization: Bearer \$AGENCY_NG_TOKEN" -H 'x-purpose: Preparing the arrival' 'http://127.0.0.1:5400/v1/return-cases/$referral_case/referral/package'

The whole audit trail of that case, across the four services, in time order (supervisor.it): the
identification service asks the others with the caller's own token, and lists a service that
refused the caller as DENIED and one that is not running as UNAVAILABLE:

  SUPERVISOR_TOKEN=$supervisor_token
  curl -s -H "Authorization: Bearer \$SUPERVISOR_TOKEN" -H 'x-purpose: Reviewing the case' 'http://127.0.0.1:5100/v1/cases/$referral_case/whole-history'

The web portal, in a browser on this machine: http://127.0.0.1:5500/
  sign in at the identity provider's page as shelterstaff.it (shelter staff, Italy) or
  caseworker.it (case worker, Italy), password: $demo_password
  (every demo user of README "Roles and demo logins" works; pictures: deploy/screenshots.sh)

A token for another demo user:        dotnet $devtools token <role>.<cc>   (e.g. prosecutor.it; README "Roles and demo logins")
Identity provider (OpenID Connect):   http://127.0.0.1:5000/.well-known/openid-configuration
Stop everything:                      deploy/stop-system.sh
EOT
