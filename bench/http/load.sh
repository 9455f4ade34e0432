#!/usr/bin/env bash
# HTTP load test of tokenlife with wrk over loopback: POST /oauth2/introspect with the verified-token cache on
# and off, POST /tokens, and GET /health as the baseline, at several concurrency levels.
#
# Needs: the built server and CLI jars (./mvnw -q -DskipTests package), curl, jq, openssl and wrk.
#   wrk is the Debian package `wrk`: sudo apt-get install -y wrk
# A session token comes from POST /auth/login with the bootstrap admin when the service offers it,
# otherwise from the CLI (bin/tokenlife token create), which shares the key through JWT_SECRET_KEY.
#
# Usage: bench/http/load.sh                          (5 s per run, concurrency 1 8 32 64, cache 100000 and 0)
#        DURATION=10s LEVELS="4 16" CACHE_SIZES=100000 bench/http/load.sh
#        SERVER_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/intro.jfr,settings=profile" ...   (profile the server)
# Keep runs short on a shared machine: the whole script takes about (3 + cache sizes) x levels x DURATION.
# Target (2-core machine): introspection >= 20,000 requests/s with p99 <= 10 ms.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="$repo/token-app-http/target/tokenlife-server.jar"
DURATION="${DURATION:-5s}"
LEVELS="${LEVELS:-1 8 32 64}"
CACHE_SIZES="${CACHE_SIZES:-100000 0}"
THREADS="${THREADS:-2}"
PORT="${PORT:-4499}"
base="http://127.0.0.1:$PORT"

for tool in wrk curl jq openssl java; do
  command -v "$tool" >/dev/null || { echo "load.sh: '$tool' is missing (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "load.sh: $jar missing; run ./mvnw -q -DskipTests package first" >&2; exit 1; }

work="$(mktemp -d)"
export JWT_SECRET_KEY="$(openssl rand -base64 48)"
export PLATFORM_ADMIN_PASSWORD="bench-$(openssl rand -hex 12)"
export PORT HOST=127.0.0.1 LOG_FORMAT=text
server=""
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

# start_server CACHE_SIZE: a fresh server on an empty H2 in-memory database; sets SESSION (an admin's, which may
# introspect and hand out the tokens:introspect scope) and API_TOKEN
start_server() {
  (cd "$work" && DATABASE_URL="jdbc:h2:mem:bench$1;DB_CLOSE_DELAY=-1" VERIFIED_TOKEN_CACHE_SIZE="$1" \
    exec java -Xmx512m ${SERVER_JAVA_OPTS:-} -jar "$jar" >"$work/server-$1.log" 2>&1) &
  server=$!
  for _ in $(seq 1 150); do
    curl -sf "$base/ready" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { echo "server died:" >&2; cat "$work/server-$1.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -sf "$base/ready" >/dev/null || { echo "server not ready:" >&2; tail -20 "$work/server-$1.log" >&2; exit 1; }

  local session
  session="$(curl -s -X POST "$base/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@example.com\",\"password\":\"$PLATFORM_ADMIN_PASSWORD\"}" | jq -r '.access_token // empty' 2>/dev/null || true)"
  if [ -z "$session" ]; then
    session="$(cd "$work" && DATABASE_URL="jdbc:h2:mem:cli" "$repo/bin/tokenlife" token create \
      --subject bench@example.com --admin --exp 60 2>/dev/null || true)"
  fi
  [ -n "$session" ] || { echo "load.sh: no session token (neither /auth/login nor bin/tokenlife worked)" >&2; exit 1; }
  local api_token
  api_token="$(curl -s -X POST "$base/tokens" -H "Authorization: Bearer $session" \
    -H 'Content-Type: application/json' -d '{"name":"bench-target","expires_in_days":1}' | jq -r .access_token)"
  [ -n "$api_token" ] && [ "$api_token" != null ] || { echo "load.sh: could not create an API token" >&2; exit 1; }
  export SESSION="$session" API_TOKEN="$api_token"
  # a short warm-up so the JIT has compiled the hot paths before the first measurement
  wrk -t1 -c4 -d3s -s "$here/introspect.lua" "$base/oauth2/introspect" >/dev/null
  wrk -t1 -c4 -d1s -s "$here/health.lua" "$base/health" >/dev/null
}

declare -A health_rps
results="$work/results.txt"
# run LABEL CACHE SCRIPT PATH CONNECTIONS: one wrk run, one row in $results
run() {
  local label="$1" cache="$2" script="$3" path="$4" c="$5" t="$THREADS"
  [ "$c" -lt "$t" ] && t=$c
  local line rps p50 p99 errors ratio verdict=""
  line="$(wrk -t"$t" -c"$c" -d"$DURATION" -s "$here/$script.lua" "$base$path" | grep '^RESULT')"
  rps="$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")"
  p50="$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")"
  p99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")"
  errors="$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line")"
  if [ "$script" = health ]; then health_rps[$c]="$rps"; fi
  ratio="$(awk -v a="$rps" -v b="${health_rps[$c]:-0}" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')"
  if [ "$script" = introspect ]; then
    verdict="$(awk -v r="$rps" -v p="$p99" 'BEGIN { print (r >= 20000 && p <= 10) ? "met" : "miss" }')"
  fi
  printf '%-22s %7s %6s %10s %9s %9s %7s %9s %s\n' "$label" "$cache" "$c" "$rps" "$p50" "$p99" "$errors" "$ratio" "$verdict" | tee -a "$results"
}

header="$(printf '%-22s %7s %6s %10s %9s %9s %7s %9s %s' endpoint cache conns req/s p50_ms p99_ms errors vs_health target)"
echo "tokenlife HTTP load: $(nproc) CPUs, wrk $THREADS threads, $DURATION per run, H2 in memory, HS256, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$header"
first=1
for cache in $CACHE_SIZES; do
  start_server "$cache"
  if [ "$first" = 1 ]; then
    for c in $LEVELS; do run "GET /health" "$cache" health /health "$c"; done
  fi
  for c in $LEVELS; do run "POST /oauth2/introspect" "$cache" introspect /oauth2/introspect "$c"; done
  if [ "$first" = 1 ]; then
    for c in $LEVELS; do run "POST /tokens" "$cache" create-token /tokens "$c"; done
  fi
  first=0
  stop_server
done
echo
echo "summary (vs_health: req/s relative to GET /health at the same concurrency; target: introspection >= 20,000 req/s and p99 <= 10 ms)"
echo "$header"
grep '^GET /health' "$results" || true
grep '^POST /oauth2/introspect' "$results" || true
grep '^POST /tokens' "$results" || true
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
