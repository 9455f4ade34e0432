#!/usr/bin/env bash
# Introspection and GET /health throughput of two builds of the server in one run: a baseline git ref, built
# in a temporary worktree, against the jar of this checkout. Both servers run side by side (ports PORT and
# PORT+1) and short wrk runs alternate between them, so that both see the same machine load. Prints every
# run, then the medians and the ratio current / baseline.
#
# Needs: the built server jar of this checkout (./mvnw -q -DskipTests package), git, curl, jq, openssl, wrk.
#
# The caller of every introspection is the session token of an admin user created in the database (introspection
# is for admins and tokens:introspect; the bootstrap admin's own token adds a platform_admin_auth security event,
# a log line and a database row, to every request, which would swamp the rest).
# Besides req/s and p99 it prints each server's CPU time per request (user + system of the process, from
# /proc/<pid>/stat), which a loaded machine moves much less than the throughput.
#
# Usage: bench/http/before-after.sh BASE_REF                  (5 rounds of 5 s per build and load, 32 connections)
#        ROUNDS=5 DURATION=20s CONNECTIONS=64 bench/http/before-after.sh v0.1.0
#        BASE_JAR=path/to/tokenlife-server.jar bench/http/before-after.sh BASE_REF   (a jar built before; BASE_REF labels it)
#        BASE_EXTRA_OPTS=... CURRENT_EXTRA_OPTS=... (JVM options of one side only, e.g. the same build twice)
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
if [ -n "${BASE_JAR:-}" ]; then
  base_jar="$BASE_JAR"
else
  echo "building the baseline $base_commit in a temporary worktree…"
  git -C "$repo" worktree add --quiet --detach "$work/base" "$base_commit"
  (cd "$work/base" && ./mvnw -q -o -B -DskipTests -pl token-app-http -am package >"$work/base-build.log" 2>&1) \
    || { echo "before-after.sh: the baseline did not build:" >&2; tail -30 "$work/base-build.log" >&2; exit 1; }
  base_jar="$work/base/token-app-http/target/tokenlife-server.jar"
fi

export JWT_SECRET_KEY="$(openssl rand -base64 48)"
export PLATFORM_ADMIN_PASSWORD="bench-$(openssl rand -hex 12)"
export HOST=127.0.0.1 LOG_FORMAT=text

# start JAR LABEL PORT EXTRA_OPTS: a fresh server on an empty H2 in-memory database; sets <LABEL>_SESSION,
# <LABEL>_TOKEN and <LABEL>_PID
start() {
  local url="http://127.0.0.1:$3" pid admin password session token
  (cd "$work" && PORT="$3" DATABASE_URL="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
    exec java $JAVA_OPTS_BENCH $4 -jar "$1" >"$work/server-$2.log" 2>&1) &
  pid=$!
  servers+=("$pid")
  printf -v "${2}_PID" '%s' "$pid"
  for _ in $(seq 1 300); do
    curl -sf "$url/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "server $2 died:" >&2; cat "$work/server-$2.log" >&2; exit 1; }
    sleep 0.1
  done
  admin="$(curl -sf -X POST "$url/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@example.com\",\"password\":\"$PLATFORM_ADMIN_PASSWORD\"}" | jq -r .access_token)"
  password="user-$(openssl rand -hex 12)"
  curl -sf -o /dev/null "$url/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench@example.com\",\"password\":\"$password\",\"admin\":true}"
  session="$(curl -sf -X POST "$url/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench@example.com\",\"password\":\"$password\"}" | jq -r .access_token)"
  token="$(curl -sf -X POST "$url/tokens" -H "Authorization: Bearer $session" -H 'Content-Type: application/json' \
    -d '{"name":"bench-target","expires_in_days":1}' | jq -r .access_token)"
  [ -n "$token" ] && [ "$token" != null ] || { echo "before-after.sh: no token from $2" >&2; exit 1; }
  printf -v "${2}_SESSION" '%s' "$session"
  printf -v "${2}_TOKEN" '%s' "$token"
}

# cpu_ticks PID: user + system time of a process in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure BUILD SCRIPT PATH [DURATION]: prints "rps p99_ms errors cpu_us_per_request"
measure() {
  local port="$PORT"; [ "$1" = current ] && port=$((PORT + 1))
  local session_var="${1}_SESSION" token_var="${1}_TOKEN" pid_var="${1}_PID" before after line
  before="$(cpu_ticks "${!pid_var}")"
  line="$(SESSION="${!session_var}" API_TOKEN="${!token_var}" \
    wrk -t2 -c"$CONNECTIONS" -d"${4:-$DURATION}" -s "$here/$2.lua" "http://127.0.0.1:$port$3" | grep '^RESULT')"
  after="$(cpu_ticks "${!pid_var}")"
  sed -E 's/.*requests=([0-9]+) errors=([0-9]+) rps=([0-9.]+) p50_ms=[0-9.]+ p99_ms=([0-9.]+).*/\3 \4 \2 \1/' <<<"$line" \
    | awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '{ printf "%s %s %s %.1f\n", $1, $2, $3, t * 1e6 / hz / $4 }'
}

rows="$work/rows"
echo "before/after: $base_commit vs $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet || echo '+changes'), $(nproc) CPUs, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-9s %-24s %10s %8s %7s %10s\n' round build endpoint req/s p99_ms errors cpu_us/req
# both servers run side by side, idle while the other is measured; short runs alternate between them
start "$base_jar" baseline "$PORT" "${BASE_EXTRA_OPTS:-}"
start "$current_jar" current $((PORT + 1)) "${CURRENT_EXTRA_OPTS:-}"
for build in baseline current; do                      # JIT warm-up of both
  measure "$build" introspect /oauth2/introspect 5s >/dev/null
  measure "$build" health /health 3s >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for load in "introspect /oauth2/introspect" "health /health"; do
    set -- $load
    for build in baseline current; do
      read -r rps p99 errors cpu < <(measure "$build" "$1" "$2")
      printf '%-6s %-9s %-24s %10s %8s %7s %10s\n' "$round" "$build" "$2" "$rps" "$p99" "$errors" "$cpu" | tee -a "$rows"
    done
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "medians over $ROUNDS rounds (ratio: current / baseline)"
printf '%-24s %12s %12s %8s %12s %12s %14s %14s\n' endpoint base_req/s cur_req/s ratio base_p99 cur_p99 base_cpu_us/req cur_cpu_us/req
col() { awk -v p="$1" -v b="$2" -v c="$3" '$2 == b && $3 == p { print $c }' "$rows" | median; }
for path in /oauth2/introspect /health; do
  printf '%-24s %12s %12s %8s %12s %12s %14s %14s\n' "$path" "$(col "$path" baseline 4)" "$(col "$path" current 4)" \
    "$(awk -v a="$(col "$path" current 4)" -v b="$(col "$path" baseline 4)" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(col "$path" baseline 5)" "$(col "$path" current 5)" "$(col "$path" baseline 7)" "$(col "$path" current 7)"
done
# the floor: introspection against GET /health of the same server, per round (both measured within seconds)
for build in baseline current; do
  awk -v b="$build" '$2 == b && $3 == "/oauth2/introspect" { i[$1] = $4 } $2 == b && $3 == "/health" { h[$1] = $4 }
    END { for (r in i) if (h[r] > 0) print i[r] / h[r] }' "$rows" | median \
    | awk -v b="$build" '{ printf "introspection / GET /health, %s: %.2fx (median of the rounds)\n", b, $1 }'
done
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
