#!/usr/bin/env bash
# HTTP load test of tokenlife with wrk: POST /oauth2/introspect and POST /tokens at a few concurrency levels.
#
# Needs: the built server jar (./mvnw -q -DskipTests package), curl, jq, openssl and wrk.
#   wrk is the Debian package `wrk`: sudo apt-get install -y wrk
# A session token comes from POST /auth/login with the bootstrap admin when the service offers it,
# otherwise from the CLI (bin/tokenlife token create), which shares the key through JWT_SECRET_KEY.
#
# Usage: bench/http/load.sh                  (10 s per run, concurrency 1 8 32, 2 wrk threads)
#        DURATION=5s LEVELS="4 16" bench/http/load.sh
# Keep runs short on a shared machine: the whole script takes about 2 x levels x DURATION.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="$repo/token-app-http/target/tokenlife-server.jar"
DURATION="${DURATION:-10s}"
LEVELS="${LEVELS:-1 8 32}"
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
export DATABASE_URL="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"
export PORT HOST=127.0.0.1 LOG_FORMAT=text

(cd "$work" && exec java -Xmx512m -jar "$jar" >"$work/server.log" 2>&1) &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -sf "$base/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "server died:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "$base/ready" >/dev/null || { echo "server not ready:" >&2; tail -20 "$work/server.log" >&2; exit 1; }

session="$(curl -s -X POST "$base/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@example.com\",\"password\":\"$PLATFORM_ADMIN_PASSWORD\"}" | jq -r '.access_token // empty' || true)"
if [ -z "$session" ]; then
  session="$(cd "$work" && DATABASE_URL="jdbc:h2:mem:cli" "$repo/bin/tokenlife" token create \
    --subject bench@example.com --exp 60 2>/dev/null || true)"
fi
[ -n "$session" ] || { echo "load.sh: no session token (neither /auth/login nor bin/tokenlife worked)" >&2; exit 1; }

api_token="$(curl -s -X POST "$base/tokens" -H "Authorization: Bearer $session" \
  -H 'Content-Type: application/json' -d '{"name":"bench-target","expires_in_days":1}' | jq -r .access_token)"
[ -n "$api_token" ] && [ "$api_token" != null ] || { echo "load.sh: could not create an API token" >&2; exit 1; }
export SESSION="$session" API_TOKEN="$api_token"

echo "tokenlife HTTP load: $(nproc) CPUs, wrk $THREADS threads, $DURATION per run, H2 in memory, HS256"
printf '%-22s %6s %10s %9s %9s %7s\n' endpoint conns req/s p50_ms p99_ms errors
# a short warm-up so the JIT has compiled the hot path before the first measurement
wrk -t1 -c4 -d3s -s "$here/introspect.lua" "$base/oauth2/introspect" >/dev/null
for script in introspect create-token; do
  path=/oauth2/introspect; [ "$script" = create-token ] && path=/tokens
  for c in $LEVELS; do
    t=$THREADS; [ "$c" -lt "$t" ] && t=$c
    line="$(wrk -t"$t" -c"$c" -d"$DURATION" -s "$here/$script.lua" "$base$path" | grep '^RESULT')"
    rps="$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")"
    p50="$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")"
    p99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")"
    errors="$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line")"
    printf '%-22s %6s %10s %9s %9s %7s\n' "POST $path" "$c" "$rps" "$p50" "$p99" "$errors"
  done
done
