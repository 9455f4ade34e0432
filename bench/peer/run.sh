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
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
ROUNDS="${ROUNDS:-6}"
cache="$peer_here/cache"
run_dir="$cache/run"
central="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION"
dist="keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
kc_home="$cache/keycloak-$KEYCLOAK_VERSION"
need_tools wrk curl jq openssl java ss sha1sum

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

rm -rf "$run_dir"
mkdir -p "$run_dir"
kc_script="" tl_pid=""
cleanup() {
  [ -n "$tl_pid" ] && { kill "$tl_pid" 2>/dev/null || true; wait "$tl_pid" 2>/dev/null || true; }
  [ -n "$kc_script" ] && { kill "$kc_script" 2>/dev/null || true; wait "$kc_script" 2>/dev/null || true; }
}
trap cleanup EXIT

# ---- start Keycloak: dev mode, loopback only, fresh H2 data ---------------------------------------------
kc_port="$(free_port)" kc_mgmt_port="$(free_port)"
kc_admin_pw="bench-$(openssl rand -hex 12)"
rm -rf "$kc_home/data"
(cd "$kc_home" && KC_BOOTSTRAP_ADMIN_USERNAME=bench-admin KC_BOOTSTRAP_ADMIN_PASSWORD="$kc_admin_pw" \
  exec bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$kc_port" --http-management-port="$kc_mgmt_port" \
  --cache=local >"$run_dir/keycloak.log" 2>&1) &
kc_script=$!

# ---- start tokenlife beside it: its launcher and defaults, H2 file, RS256 ------------------------------
tl_port="$(free_port)"
tl_admin_pw="bench-$(openssl rand -hex 12)"
tl_env=()
[ -n "${TOKENLIFE_JAVA_OPTS:-}" ] && tl_env+=("JAVA_OPTS=$TOKENLIFE_JAVA_OPTS")
[ -n "${TOKENLIFE_JVM_DEFAULTS+set}" ] && tl_env+=("TOKENLIFE_JVM_DEFAULTS=$TOKENLIFE_JVM_DEFAULTS")
start_tokenlife "$run_dir/tokenlife" "$tl_port" "$tl_admin_pw" "${tl_env[@]}"
tl_pid=$started_pid

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
tokenlife_tokens "$tl" "$tl_admin_pw"

# ---- the loads ------------------------------------------------------------------------------------------
form=application/x-www-form-urlencoded
# target SERVER LOAD: "URL|METHOD|AUTH|TYPE|BODY" of that load on that server
target() {
  case "$1/$2" in
    tokenlife/*) tokenlife_target "$tl" "$2" ;;
    keycloak/issuance) echo "$kc_oidc/token|POST|$kc_basic|$form|grant_type=client_credentials" ;;
    keycloak/introspection) echo "$kc_oidc/token/introspect|POST|$kc_basic|$form|token=$kc_token" ;;
    keycloak/jwks) echo "$kc_oidc/certs|GET|||" ;;
  esac
}
pid_of() { if [ "$1" = tokenlife ]; then echo "$tl_pid"; else echo "$kc_pid"; fi; }

results="$run_dir/results.txt"
: >"$results"
# run SERVER LOAD SECONDS [measure]: one wrk run; a measured one appends its line to $results
run() {
  local line
  line="$(wrk_load "$(target "$1" "$2")" "$3" "$(pid_of "$1")")"
  if [ "${4:-}" = measure ]; then echo "$1 $2 $line" | tee -a "$results"; fi
}

loads="issuance introspection jwks"
echo "peer benchmark: $(describe_run); Keycloak $KEYCLOAK_VERSION; wrk -t$THREADS -c$CONNECTIONS"
echo "tokenlife JVM options: $(jvm_options "$tl_pid")"
echo "Keycloak JVM options: $(jvm_options "$kc_pid" | sed -E 's/ -D[^ ]+//g; s/ --add-opens[^ ]+//g; s/ -cp .*//')"
echo "warm-up: $ROUNDS rounds x $WARMUP s per load and server, alternating which goes first"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="tokenlife keycloak"; else order="keycloak tokenlife"; fi
  for load in $loads; do
    for server in $order; do run "$server" "$load" "$WARMUP"; done
  done
  run tokenlife health "$WARMUP"
  echo "  round $round done (load average $(load_avg))"
done

echo "measured: $DURATION s per load and server"
run tokenlife issuance "$DURATION" measure
run keycloak issuance "$DURATION" measure
run keycloak introspection "$DURATION" measure
run tokenlife introspection "$DURATION" measure
run tokenlife health "$DURATION" measure
run tokenlife jwks "$DURATION" measure
run keycloak jwks "$DURATION" measure

# ---- summary ------------------------------------------------------------------------------------------
f() { field "$results" "$1 $2" "$3"; }
echo
echo "| load | Keycloak req/s | Keycloak p99 ms | tokenlife req/s | tokenlife p99 ms | req/s tokenlife/Keycloak | p99 Keycloak/tokenlife | errors (KC/tl) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for load in $loads; do
  awk -v l="$load" -v kr="$(f keycloak "$load" rps)" -v kp="$(f keycloak "$load" p99_ms)" \
      -v tr="$(f tokenlife "$load" rps)" -v tp="$(f tokenlife "$load" p99_ms)" \
      -v ke="$(f keycloak "$load" errors)" -v te="$(f tokenlife "$load" errors)" \
      'BEGIN { printf "| %s | %\047d | %.2f | %\047d | %.2f | %.2fx | %.2fx | %d/%d |\n", l, kr, kp, tr, tp, tr / kr, kp / tp, ke, te }'
done
awk -v hr="$(f tokenlife health rps)" -v hp="$(f tokenlife health p99_ms)" -v ir="$(f tokenlife introspection rps)" \
  'BEGIN { printf "| tokenlife GET /health (floor) | | | %\047d | %.2f | introspection/health %.2fx | | |\n", hr, hp, ir / hr }'
echo
echo "| process | CPU % of one core (issuance / introspection / jwks) | RSS MiB after each load | RSS MiB at the end | peak RSS (VmHWM) MiB |"
echo "|---|---|---|---:|---:|"
for server in keycloak tokenlife; do
  echo "| $server | $(f "$server" issuance cpu_pct) / $(f "$server" introspection cpu_pct) / $(f "$server" jwks cpu_pct) | $(f "$server" issuance rss_mib) / $(f "$server" introspection rss_mib) / $(f "$server" jwks rss_mib) | $(rss_mib "$(pid_of "$server")") | $(peak_mib "$(pid_of "$server")") |"
done
echo
echo "load average at the end: $(load_avg); raw lines: $results; logs: $run_dir"
