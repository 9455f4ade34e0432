# Functions shared by bench/peer/run.sh and bench/peer/variants.sh (sourced, not run).
# They read only this repository and /proc of the processes the scripts started.

peer_here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peer_repo="$(cd "$peer_here/../.." && pwd)"
clk_tck="$(getconf CLK_TCK)"
# the load of both scripts: wrk -t$THREADS -c$CONNECTIONS, $WARMUP s per warm-up run, $DURATION s per measured one
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-20}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"

need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "${0##*/}: '$tool' is missing (wrk: apt-get install -y wrk)" >&2; exit 1; }
  done
  [ -f "$peer_repo/token-app-http/target/tokenlife-server.jar" ] && [ -f "$peer_repo/token-app-cli/target/tokenlife-cli.jar" ] \
    || { echo "${0##*/}: build first: (cd $peer_repo && ./mvnw -q -DskipTests package)" >&2; exit 1; }
}

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    ss -ltnH "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}
listener_pid() { ss -ltnpH "sport = :$1" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
mem_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
rss_mib() { echo $(( $(mem_kib "$1" VmRSS) / 1024 )); }
peak_mib() { echo $(( $(mem_kib "$1" VmHWM) / 1024 )); }
jvm_options() { tr '\0' ' ' <"/proc/$1/cmdline" | sed -E 's/ -jar .*//; s/^[^ ]+ ?//'; }
describe_run() {
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), tokenlife $(git -C "$peer_repo" rev-parse --short HEAD)$(git -C "$peer_repo" diff --quiet HEAD 2>/dev/null || echo '+uncommitted'), $(nproc) CPUs, $(java -version 2>&1 | head -1), load average $(load_avg)"
}

wait_for() { # URL SECONDS WHAT LOG
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "${0##*/}: $3 not up after $2 s; log:" >&2; tail -30 "$4" >&2; exit 1; }
    sleep 0.5
  done
}

# start_tokenlife DIR PORT ADMIN_PASSWORD [VAR=VALUE...]: bin/tokenlife-server in DIR (fresh: RS256 keys made
# with bin/tokenlife keys generate, the H2 file default under DIR/data), output in DIR/server.log; the extra
# assignments go to the launcher's environment (JAVA_OPTS=..., TOKENLIFE_JVM_DEFAULTS=...). Sets started_pid.
start_tokenlife() {
  local dir="$1" port="$2" password="$3"
  shift 3
  mkdir -p "$dir"
  (cd "$dir" && "$peer_repo/bin/tokenlife" keys generate --alg RS256 --out keys >/dev/null 2>&1)
  (cd "$dir" && exec env JWT_ALGORITHM=RS256 JWT_PRIVATE_KEY_PATH=keys/private.pem JWT_PUBLIC_KEY_PATH=keys/public.pem \
    PLATFORM_ADMIN_PASSWORD="$password" HOST=127.0.0.1 PORT="$port" TOKEN_EXPIRY=240 LOG_FORMAT=text "$@" \
    "$peer_repo/bin/tokenlife-server" >"$dir/server.log" 2>&1) &
  started_pid=$!
}

# tokenlife_tokens BASE_URL ADMIN_PASSWORD: the bootstrap admin creates the user bench@example.com; that user's
# session token is the caller of every load (the bootstrap admin's own token would add a platform_admin_auth log
# line to each request), and an API token of the user is the token introspected. Sets session and api_token.
tokenlife_tokens() {
  local admin password
  admin="$(curl -sf "$1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@example.com\",\"password\":\"$2\"}" | jq -r .access_token)"
  password="user-$(openssl rand -hex 12)"
  # an admin user: only an admin may hand out the tokens:introspect scope (docs/adr/0009-http-surface-hardening.md)
  curl -sf -o /dev/null "$1/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench@example.com\",\"password\":\"$password\",\"admin\":true}"
  session="$(curl -sf "$1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench@example.com\",\"password\":\"$password\"}" | jq -r .access_token)"
  api_token="$(curl -sf "$1/tokens" -H "Authorization: Bearer $session" -H 'Content-Type: application/json' \
    -d '{"name":"peer-target","expires_in_days":1}' | jq -r .access_token)"
  # the introspecting party is a resource server: an API token with the tokens:introspect scope
  introspector="$(curl -sf "$1/tokens" -H "Authorization: Bearer $session" -H 'Content-Type: application/json' \
    -d '{"name":"peer-introspector","expires_in_days":1,"scope":"tokens:introspect"}' | jq -r .access_token)"
  [ "$(curl -sf "$1/oauth2/introspect" -H "Authorization: Bearer $introspector" -d "token=$api_token" | jq -r .active)" = true ] \
    || { echo "${0##*/}: tokenlife at $1 does not introspect its own token as active" >&2; exit 1; }
}

# tokenlife_target BASE_URL LOAD: "URL|METHOD|AUTH|TYPE|BODY" of one tokenlife load (needs session, api_token,
# introspector)
tokenlife_target() {
  case "$2" in
    issuance) echo "$1/tokens|POST|Bearer $session|application/json|{\"name\":\"peer\",\"expires_in_days\":1}" ;;
    introspection) echo "$1/oauth2/introspect|POST|Bearer $introspector|application/x-www-form-urlencoded|token=$api_token" ;;
    jwks) echo "$1/.well-known/jwks.json|GET|||" ;;
    health) echo "$1/health|GET|||" ;;
  esac
}

# wrk_load TARGET SECONDS PID: one wrk run (-t$THREADS -c$CONNECTIONS) on TARGET ("URL|METHOD|AUTH|TYPE|BODY");
# prints "requests=N errors=N rps=N p50_ms=N p99_ms=N max_ms=N cpu_pct=N rss_mib=N load=a/b/c", the CPU
# being PID's (user + system, % of one core over the run) and the RSS PID's at the end of the run.
wrk_load() {
  local url method auth type body t0 t1 line
  IFS='|' read -r url method auth type body <<<"$1"
  t0="$(cpu_ticks "$3")"
  line="$(WRK_METHOD="$method" WRK_AUTH="$auth" WRK_TYPE="$type" WRK_BODY="$body" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s "$peer_here/request.lua" "$url" | grep '^RESULT')"
  t1="$(cpu_ticks "$3")"
  echo "${line#RESULT } cpu_pct=$(awk -v d="$((t1 - t0))" -v h="$clk_tck" -v s="$2" 'BEGIN { printf "%.0f", 100 * d / h / s }') rss_mib=$(rss_mib "$3") load=$(load_avg | tr ' ' '/')"
}

# field FILE PREFIX NAME: the value of NAME= on the line of FILE that starts with "PREFIX "
field() { grep "^$2 " "$1" | head -1 | sed -E "s/.* $3=([^ ]+).*/\1/"; }
