#!/usr/bin/env bash
# Introspection and GET /health throughput of two builds of the server in one run: a baseline git ref, built
# in a temporary worktree, against the jar of this checkout. Both servers run side by side (ports PORT and
# PORT+1) and short wrk runs alternate between them, so that both see the same machine load. Prints every
# run, then the medians and the ratio current / baseline.
#
# Needs: the built server jar of this checkout (./mvnw -q -DskipTests package), git, curl, jq, openssl, wrk.
#
# Usage: bench/http/before-after.sh BASE_REF                  (5 rounds of 5 s per build and load, 32 connections)
#        ROUNDS=5 DURATION=20s CONNECTIONS=64 bench/http/before-after.sh v0.1.0
# Example: did the admin console add work to the validation path?
#        bench/http/before-after.sh "$(git log --format=%H -1 --grep="Merge branch 'console'")^1"
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
base_ref="${1:?usage: before-after.sh BASE_REF (a commit, tag or branch to compare this checkout with)}"
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-4497}"
JAVA_OPTS_BENCH="${JAVA_OPTS_BENCH:--XX:+UseSerialGC -Xmn48m -Xmx320m}"
current_jar="$repo/token-app-http/target/tokenlife-server.jar"

for tool in git wrk curl jq openssl java; do
  command -v "$tool" >/dev/null || { echo "before-after.sh: '$tool' is missing" >&2; exit 1; }
done
[ -f "$current_jar" ] || { echo "before-after.sh: $current_jar missing; run ./mvnw -q -DskipTests package" >&2; exit 1; }

work="$(mktemp -d)"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  git -C "$repo" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

base_commit="$(git -C "$repo" rev-parse --short "$base_ref^{commit}")"
echo "building the baseline $base_commit in a temporary worktree…"
git -C "$repo" worktree add --quiet --detach "$work/base" "$base_commit"
(cd "$work/base" && ./mvnw -q -o -B -DskipTests -pl token-app-http -am package >"$work/base-build.log" 2>&1) \
  || { echo "before-after.sh: the baseline did not build:" >&2; tail -30 "$work/base-build.log" >&2; exit 1; }
base_jar="$work/base/token-app-http/target/tokenlife-server.jar"

export JWT_SECRET_KEY="$(openssl rand -base64 48)"
export PLATFORM_ADMIN_PASSWORD="bench-$(openssl rand -hex 12)"
export HOST=127.0.0.1 LOG_FORMAT=text

# start JAR LABEL PORT: a fresh server on an empty H2 in-memory database; sets <LABEL>_SESSION and <LABEL>_TOKEN
start() {
  local url="http://127.0.0.1:$3" pid session token
  (cd "$work" && PORT="$3" DATABASE_URL="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
    exec java $JAVA_OPTS_BENCH -jar "$1" >"$work/server-$2.log" 2>&1) &
  pid=$!
  servers+=("$pid")
  for _ in $(seq 1 300); do
    curl -sf "$url/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "server $2 died:" >&2; cat "$work/server-$2.log" >&2; exit 1; }
    sleep 0.1
  done
  session="$(curl -sf -X POST "$url/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@example.com\",\"password\":\"$PLATFORM_ADMIN_PASSWORD\"}" | jq -r .access_token)"
  token="$(curl -sf -X POST "$url/tokens" -H "Authorization: Bearer $session" -H 'Content-Type: application/json' \
    -d '{"name":"bench-target","expires_in_days":1}' | jq -r .access_token)"
  [ -n "$token" ] && [ "$token" != null ] || { echo "before-after.sh: no token from $2" >&2; exit 1; }
  printf -v "${2}_SESSION" '%s' "$session"
  printf -v "${2}_TOKEN" '%s' "$token"
}

# measure BUILD SCRIPT PATH [DURATION]: prints "rps p99_ms errors"
measure() {
  local port="$PORT"; [ "$1" = current ] && port=$((PORT + 1))
  local session_var="${1}_SESSION" token_var="${1}_TOKEN"
  SESSION="${!session_var}" API_TOKEN="${!token_var}" \
    wrk -t2 -c"$CONNECTIONS" -d"${4:-$DURATION}" -s "$here/$2.lua" "http://127.0.0.1:$port$3" | grep '^RESULT' \
    | sed -E 's/.*errors=([0-9]+) rps=([0-9.]+) p50_ms=[0-9.]+ p99_ms=([0-9.]+).*/\2 \3 \1/'
}

rows="$work/rows"
echo "before/after: $base_commit vs $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet || echo '+changes'), $(nproc) CPUs, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-9s %-24s %10s %8s %7s\n' round build endpoint req/s p99_ms errors
# both servers run side by side, idle while the other is measured; short runs alternate between them
start "$base_jar" baseline "$PORT"
start "$current_jar" current $((PORT + 1))
for build in baseline current; do                      # JIT warm-up of both
  measure "$build" introspect /oauth2/introspect 5s >/dev/null
  measure "$build" health /health 3s >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for load in "introspect /oauth2/introspect" "health /health"; do
    set -- $load
    for build in baseline current; do
      read -r rps p99 errors < <(measure "$build" "$1" "$2")
      printf '%-6s %-9s %-24s %10s %8s %7s\n' "$round" "$build" "$2" "$rps" "$p99" "$errors" | tee -a "$rows"
    done
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "medians over $ROUNDS rounds (ratio: current / baseline)"
printf '%-24s %12s %12s %8s %12s %12s\n' endpoint base_req/s cur_req/s ratio base_p99 cur_p99
for path in /oauth2/introspect /health; do
  b="$(awk -v p="$path" '$2 == "baseline" && $3 == p { print $4 }' "$rows" | median)"
  c="$(awk -v p="$path" '$2 == "current" && $3 == p { print $4 }' "$rows" | median)"
  bp="$(awk -v p="$path" '$2 == "baseline" && $3 == p { print $5 }' "$rows" | median)"
  cp="$(awk -v p="$path" '$2 == "current" && $3 == p { print $5 }' "$rows" | median)"
  printf '%-24s %12s %12s %8s %12s %12s\n' "$path" "$b" "$c" "$(awk -v a="$c" -v b="$b" 'BEGIN { printf "%.2fx", a / b }')" "$bp" "$cp"
done
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
