#!/usr/bin/env bash
# Peer benchmark: tokenlife beside Keycloak on the same machine, loaded with the same wrk settings in one run.
#
# Keycloak's server distribution (org.keycloak:keycloak-quarkus-dist, tar.gz) is downloaded from Maven Central
# into bench/peer/cache/ (git-ignored; checked against its .sha1) and started in dev mode (start-dev: H2, a
# local cache, an admin bootstrapped from the environment) on 127.0.0.1 only, with its own launcher's JVM
# defaults. A realm `bench` gets a confidential client with a service account (client_credentials), RS256.
# tokenlife runs from bin/tokenlife-server with its defaults: H2 file in a fresh working directory, RS256
# keys generated with bin/tokenlife keys generate, the bootstrap admin for a session token.
#
# Loads, each as wrk -t$THREADS -c$CONNECTIONS, on both servers:
#   issuance       tokenlife POST /tokens (session bearer, JSON)   Keycloak client_credentials grant (Basic)
#   introspection  tokenlife POST /oauth2/introspect (bearer)      Keycloak token/introspect (Basic)
#   jwks           GET /.well-known/jwks.json                      GET .../protocol/openid-connect/certs
#   health         tokenlife GET /health: the floor of the same server
# First $ROUNDS warm-up rounds of $WARMUP s per load and server, alternating which server goes first, then
# one measured run of $DURATION s each; per measurement req/s, p50/p99, errors, each process's CPU (from
# /proc/<pid>/stat) and resident memory (VmRSS; VmHWM, the peak, at the end), and the load average.
#
# Needs: a built tree (./mvnw -q -DskipTests package), curl, jq, openssl, wrk (apt-get install -y wrk), JDK 17.
# Usage: bench/peer/run.sh
#        ROUNDS=2 WARMUP=5 DURATION=10 bench/peer/run.sh          (a quick look)
#        TOKENLIFE_JAVA_OPTS="-Xmx1g" bench/peer/run.sh             (passed to bin/tokenlife-server as JAVA_OPTS)
#        TOKENLIFE_JVM_DEFAULTS="" bench/peer/run.sh                (the launcher without its memory defaults)
# Takes about 1.5 min of start-up plus (ROUNDS x 7 x WARMUP) + (7 x DURATION) s: 9.5 min with the defaults.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
ROUNDS="${ROUNDS:-6}"
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-20}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
cache="$here/cache"
run_dir="$cache/run"
central="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION"
dist="keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
kc_home="$cache/keycloak-$KEYCLOAK_VERSION"

for tool in wrk curl jq openssl java ss sha1sum; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is missing (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
[ -f "$repo/token-app-http/target/tokenlife-server.jar" ] && [ -f "$repo/token-app-cli/target/tokenlife-cli.jar" ] \
  || { echo "run.sh: build first: (cd $repo && ./mvnw -q -DskipTests package)" >&2; exit 1; }

# ---- Keycloak distribution, cached ---------------------------------------------------------------------
mkdir -p "$cache"
if [ ! -x "$kc_home/bin/kc.sh" ]; then
  if [ ! -f "$cache/$dist" ]; then
    echo "downloading $dist from Maven Central (about 170 MB) ..."
    curl -fsS -o "$cache/$dist.sha1" "$central/$dist.sha1"
    curl -fsS -o "$cache/$dist.part" "$central/$dist"
    echo "$(head -c 40 "$cache/$dist.sha1")  $cache/$dist.part" | sha1sum -c --quiet \
      || { echo "run.sh: $dist does not match its .sha1" >&2; rm -f "$cache/$dist.part"; exit 1; }
    mv "$cache/$dist.part" "$cache/$dist"
  fi
  tar -xzf "$cache/$dist" -C "$cache"
fi

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    ss -ltnH "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}
listener_pid() { ss -ltnpH "sport = :$1" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
clk_tck="$(getconf CLK_TCK)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
mem_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

rm -rf "$run_dir"
mkdir -p "$run_dir/tokenlife"
kc_script="" tl_pid=""
cleanup() {
  [ -n "$tl_pid" ] && { kill "$tl_pid" 2>/dev/null || true; wait "$tl_pid" 2>/dev/null || true; }
  [ -n "$kc_script" ] && { kill "$kc_script" 2>/dev/null || true; wait "$kc_script" 2>/dev/null || true; }
}
trap cleanup EXIT

wait_for() { # URL SECONDS WHAT LOG
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "run.sh: $3 not up after $2 s; log:" >&2; tail -30 "$4" >&2; exit 1; }
    sleep 0.5
  done
}

# ---- start Keycloak: dev mode, loopback only, fresh H2 data ---------------------------------------------
kc_port="$(free_port)" kc_mgmt_port="$(free_port)"
kc_admin_pw="bench-$(openssl rand -hex 12)"
rm -rf "$kc_home/data"
(cd "$kc_home" && KC_BOOTSTRAP_ADMIN_USERNAME=bench-admin KC_BOOTSTRAP_ADMIN_PASSWORD="$kc_admin_pw" \
  exec bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$kc_port" --http-management-port="$kc_mgmt_port" \
  --cache=local >"$run_dir/keycloak.log" 2>&1) &
kc_script=$!

# ---- start tokenlife beside it: its launcher, H2 file default, RS256 ------------------------------------
tl_port="$(free_port)"
tl_admin_pw="bench-$(openssl rand -hex 12)"
(cd "$run_dir/tokenlife" && "$repo/bin/tokenlife" keys generate --alg RS256 --out keys >/dev/null)
(cd "$run_dir/tokenlife" && exec env JWT_ALGORITHM=RS256 JWT_PRIVATE_KEY_PATH=keys/private.pem \
  JWT_PUBLIC_KEY_PATH=keys/public.pem PLATFORM_ADMIN_PASSWORD="$tl_admin_pw" HOST=127.0.0.1 PORT="$tl_port" \
  TOKEN_EXPIRY=240 LOG_FORMAT=text JAVA_OPTS="${TOKENLIFE_JAVA_OPTS:-}" \
  "$repo/bin/tokenlife-server" >"$run_dir/tokenlife/server.log" 2>&1) &
tl_pid=$!

tl="http://127.0.0.1:$tl_port" kc="http://127.0.0.1:$kc_port"
wait_for "$tl/ready" 120 tokenlife "$run_dir/tokenlife/server.log"
wait_for "$kc/realms/master" 400 Keycloak "$run_dir/keycloak.log"
kc_pid="$(listener_pid "$kc_port")"
# nothing but loopback: every socket Keycloak listens on must be bound to 127.0.0.1
if ss -ltnpH | grep "pid=$kc_pid," | awk '{ print $4 }' | grep -v -E '^(\[::ffff:)?127\.0\.0\.1\]?:' | grep -q .; then
  echo "run.sh: Keycloak listens beyond loopback:" >&2; ss -ltnpH | grep "pid=$kc_pid," >&2; exit 1
fi

# ---- Keycloak realm: RS256, a client for client_credentials and introspection ----------------------------
# Keycloak 26 introspects only tokens whose audience holds the asking client: an audience mapper adds it.
admin_token="$(curl -sf "$kc/realms/master/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=admin-cli -d username=bench-admin --data-urlencode "password=$kc_admin_pw" | jq -r .access_token)"
kc_secret="$(openssl rand -hex 16)"
curl -sf -o /dev/null "$kc/admin/realms" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  -d '{"realm":"bench","enabled":true,"defaultSignatureAlgorithm":"RS256","accessTokenLifespan":14400}'
curl -sf -o /dev/null "$kc/admin/realms/bench/clients" -H "Authorization: Bearer $admin_token" \
  -H 'Content-Type: application/json' \
  -d "{\"clientId\":\"bench\",\"secret\":\"$kc_secret\",\"publicClient\":false,\"serviceAccountsEnabled\":true,
       \"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,\"clientAuthenticatorType\":\"client-secret\",
       \"protocolMappers\":[{\"name\":\"audience\",\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\",
         \"config\":{\"included.client.audience\":\"bench\",\"access.token.claim\":\"true\",\"introspection.token.claim\":\"true\"}}]}"
kc_basic="Basic $(printf 'bench:%s' "$kc_secret" | base64 -w0)"
kc_oidc="$kc/realms/bench/protocol/openid-connect"
kc_token="$(curl -sf "$kc_oidc/token" -H "Authorization: $kc_basic" -d grant_type=client_credentials | jq -r .access_token)"
[ "$(cut -d. -f1 <<<"$kc_token" | base64 -d 2>/dev/null | jq -r .alg 2>/dev/null)" = RS256 ] \
  || { echo "run.sh: Keycloak did not issue an RS256 token" >&2; exit 1; }
[ "$(curl -sf "$kc_oidc/token/introspect" -H "Authorization: $kc_basic" -d "token=$kc_token" | jq -r .active)" = true ] \
  || { echo "run.sh: Keycloak introspection of its own token is not active" >&2; exit 1; }

# ---- tokenlife: a session token (bootstrap admin) and an API token to introspect -------------------------
session="$(curl -sf "$tl/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@example.com\",\"password\":\"$tl_admin_pw\"}" | jq -r .access_token)"
api_token="$(curl -sf "$tl/tokens" -H "Authorization: Bearer $session" -H 'Content-Type: application/json' \
  -d '{"name":"peer-target","expires_in_days":1}' | jq -r .access_token)"
[ "$(curl -sf "$tl/oauth2/introspect" -H "Authorization: Bearer $session" -d "token=$api_token" | jq -r .active)" = true ] \
  || { echo "run.sh: tokenlife introspection of its own token is not active" >&2; exit 1; }

# ---- the loads ------------------------------------------------------------------------------------------
form=application/x-www-form-urlencoded
# load SERVER LOAD -> the environment and URL of that wrk run, as "URL|METHOD|AUTH|TYPE|BODY"
target() {
  case "$1/$2" in
    tokenlife/issuance) echo "$tl/tokens|POST|Bearer $session|application/json|{\"name\":\"peer\",\"expires_in_days\":1}" ;;
    tokenlife/introspection) echo "$tl/oauth2/introspect|POST|Bearer $session|$form|token=$api_token" ;;
    tokenlife/jwks) echo "$tl/.well-known/jwks.json|GET|||" ;;
    tokenlife/health) echo "$tl/health|GET|||" ;;
    keycloak/issuance) echo "$kc_oidc/token|POST|$kc_basic|$form|grant_type=client_credentials" ;;
    keycloak/introspection) echo "$kc_oidc/token/introspect|POST|$kc_basic|$form|token=$kc_token" ;;
    keycloak/jwks) echo "$kc_oidc/certs|GET|||" ;;
  esac
}
pid_of() { if [ "$1" = tokenlife ]; then echo "$tl_pid"; else echo "$kc_pid"; fi; }

results="$run_dir/results.txt"
: >"$results"
# wrk_run SERVER LOAD SECONDS [measure]: one wrk run; measured ones append a line to $results
wrk_run() {
  local server="$1" load="$2" secs="$3" url method auth type body pid t0 t1 line
  IFS='|' read -r url method auth type body <<<"$(target "$server" "$load")"
  pid="$(pid_of "$server")"
  t0="$(cpu_ticks "$pid")"
  line="$(WRK_METHOD="$method" WRK_AUTH="$auth" WRK_TYPE="$type" WRK_BODY="$body" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" -s "$here/request.lua" "$url" | grep '^RESULT')"
  t1="$(cpu_ticks "$pid")"
  [ "${4:-}" = measure ] || return 0
  local cpu rss
  cpu="$(awk -v d="$((t1 - t0))" -v h="$clk_tck" -v s="$secs" 'BEGIN { printf "%.0f", 100 * d / h / s }')"
  rss="$(( $(mem_kib "$pid" VmRSS) / 1024 ))"
  echo "$server $load ${line#RESULT } cpu_pct=$cpu rss_mib=$rss load=$(load_avg | tr ' ' '/')" | tee -a "$results"
}

loads="issuance introspection jwks"
echo "peer benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ), tokenlife $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- . 2>/dev/null || echo '+changes'), Keycloak $KEYCLOAK_VERSION"
echo "machine: $(nproc) CPUs, $(java -version 2>&1 | head -1), load average $(load_avg); wrk -t$THREADS -c$CONNECTIONS"
echo "tokenlife JVM: $(tr '\0' ' ' <"/proc/$tl_pid/cmdline" | sed -E 's/ -jar .*//; s/^[^ ]+ //')"
echo "warm-up: $ROUNDS rounds x ${WARMUP} s per load and server, alternating which goes first"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="tokenlife keycloak"; else order="keycloak tokenlife"; fi
  for load in $loads; do
    for server in $order; do wrk_run "$server" "$load" "$WARMUP"; done
  done
  wrk_run tokenlife health "$WARMUP"
  echo "  round $round done (load average $(load_avg))"
done

echo "measured: ${DURATION} s per load and server"
wrk_run tokenlife issuance "$DURATION" measure
wrk_run keycloak issuance "$DURATION" measure
wrk_run keycloak introspection "$DURATION" measure
wrk_run tokenlife introspection "$DURATION" measure
wrk_run tokenlife health "$DURATION" measure
wrk_run tokenlife jwks "$DURATION" measure
wrk_run keycloak jwks "$DURATION" measure

# ---- summary ------------------------------------------------------------------------------------------
field() { grep "^$1 $2 " "$results" | sed -E "s/.* $3=([^ ]+).*/\1/"; }
echo
echo "| load | Keycloak req/s | Keycloak p99 ms | tokenlife req/s | tokenlife p99 ms | req/s ratio | p99 ratio (KC/tl) | errors (KC/tl) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for load in $loads; do
  awk -v l="$load" -v kr="$(field keycloak "$load" rps)" -v kp="$(field keycloak "$load" p99_ms)" \
      -v tr="$(field tokenlife "$load" rps)" -v tp="$(field tokenlife "$load" p99_ms)" \
      -v ke="$(field keycloak "$load" errors)" -v te="$(field tokenlife "$load" errors)" \
      'BEGIN { printf "| %s | %\047d | %.2f | %\047d | %.2f | %.2fx | %.2fx | %d/%d |\n", l, kr, kp, tr, tp, tr / kr, kp / tp, ke, te }'
done
awk -v hr="$(field tokenlife health rps)" -v hp="$(field tokenlife health p99_ms)" -v ir="$(field tokenlife introspection rps)" \
  'BEGIN { printf "| tokenlife GET /health (floor) | | | %\047d | %.2f | introspection/health %.2fx | | |\n", hr, hp, ir / hr }'
echo
echo "| process | CPU % of one core (issuance / introspection / jwks) | RSS MiB after each load | RSS MiB at the end | peak RSS (VmHWM) MiB |"
echo "|---|---|---|---:|---:|"
for server in keycloak tokenlife; do
  pid="$(pid_of "$server")"
  echo "| $server | $(field "$server" issuance cpu_pct) / $(field "$server" introspection cpu_pct) / $(field "$server" jwks cpu_pct) | $(field "$server" issuance rss_mib) / $(field "$server" introspection rss_mib) / $(field "$server" jwks rss_mib) | $(( $(mem_kib "$pid" VmRSS) / 1024 )) | $(( $(mem_kib "$pid" VmHWM) / 1024 )) |"
done
echo
echo "load average at the end: $(load_avg); raw lines: $results; logs: $run_dir"
