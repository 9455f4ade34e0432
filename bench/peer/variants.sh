#!/usr/bin/env bash
# tokenlife under different JVM settings, in one run: every variant is started at once through
# bin/tokenlife-server (each on its own port, H2 file and RS256 key, as bench/peer/run.sh starts it), then the
# peer benchmark's loads run against each in turn, alternating which variant goes first:
#   issuance (POST /tokens), introspection (POST /oauth2/introspect), jwks, health (GET /health)
# Printed per load and variant: req/s, p99, the ratio to the first variant, CPU and resident memory (/proc).
#
# Needs what bench/peer/run.sh needs (no Keycloak).
# Usage: bench/peer/variants.sh          (the launcher's memory defaults against the JVM's own)
#        VARIANTS='defaults;g1|JAVA_OPTS=-XX:+UseG1GC;big|JAVA_OPTS=-Xmx1g' bench/peer/variants.sh
#   VARIANTS: variants separated by ';', each "name" or "name|VAR=VALUE|VAR=VALUE..." (the launcher's environment)
#   ROUNDS (4), WARMUP (10 s), DURATION (20 s), THREADS (2), CONNECTIONS (32) as for run.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VARIANTS="${VARIANTS:-defaults;jvm-defaults|TOKENLIFE_JVM_DEFAULTS=}"
ROUNDS="${ROUNDS:-4}"
run_dir="$peer_here/cache/variants"
need_tools wrk curl jq openssl java ss

rm -rf "$run_dir"
mkdir -p "$run_dir"
names=() pids=() urls=() passwords=() sessions=() api_tokens=() introspectors=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

IFS=';' read -r -a specs <<<"$VARIANTS"
for spec in "${specs[@]}"; do
  IFS='|' read -r -a parts <<<"$spec"
  name="${parts[0]}" port="$(free_port)" password="bench-$(openssl rand -hex 12)"
  start_tokenlife "$run_dir/$name" "$port" "$password" "${parts[@]:1}"
  names+=("$name") pids+=("$started_pid") urls+=("http://127.0.0.1:$port") passwords+=("$password")
done
for i in "${!names[@]}"; do
  wait_for "${urls[$i]}/ready" 120 "${names[$i]}" "$run_dir/${names[$i]}/server.log"
  tokenlife_tokens "${urls[$i]}" "${passwords[$i]}"
  sessions+=("$session") api_tokens+=("$api_token") introspectors+=("$introspector")
done

results="$run_dir/results.txt"
: >"$results"
# run INDEX LOAD SECONDS [measure]
run() {
  local line
  session="${sessions[$1]}" api_token="${api_tokens[$1]}" introspector="${introspectors[$1]}"
  line="$(wrk_load "$(tokenlife_target "${urls[$1]}" "$2")" "$3" "${pids[$1]}")"
  if [ "${4:-}" = measure ]; then echo "${names[$1]} $2 $line" | tee -a "$results"; fi
}
# order N: the variant indexes rotated by N, so each round and each load starts with another variant
order() { local n="${#names[@]}" i; for i in $(seq 0 $((n - 1))); do echo $(( (i + $1) % n )); done; }

loads="issuance introspection jwks health"
echo "tokenlife JVM variants: $(describe_run); wrk -t$THREADS -c$CONNECTIONS"
for i in "${!names[@]}"; do echo "  ${names[$i]}: $(jvm_options "${pids[$i]}")"; done
echo "warm-up: $ROUNDS rounds x $WARMUP s per load and variant"
for round in $(seq 1 "$ROUNDS"); do
  for load in $loads; do
    for i in $(order "$round"); do run "$i" "$load" "$WARMUP"; done
  done
  echo "  round $round done (load average $(load_avg))"
done
echo "measured: $DURATION s per load and variant"
n=0
for load in $loads; do
  for i in $(order "$n"); do run "$i" "$load" "$DURATION" measure; done
  n=$((n + 1))
done

echo
echo "| load | variant | req/s | p99 ms | req/s vs ${names[0]} | CPU % | RSS MiB after | errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for load in $loads; do
  base="$(field "$results" "${names[0]} $load" rps)"
  for name in "${names[@]}"; do
    awk -v l="$load" -v n="$name" -v r="$(field "$results" "$name $load" rps)" -v p="$(field "$results" "$name $load" p99_ms)" \
        -v b="$base" -v c="$(field "$results" "$name $load" cpu_pct)" -v m="$(field "$results" "$name $load" rss_mib)" \
        -v e="$(field "$results" "$name $load" errors)" \
        'BEGIN { printf "| %s | %s | %\047d | %.2f | %.2fx | %d | %d | %d |\n", l, n, r, p, r / b, c, m, e }'
  done
done
echo
echo "| variant | RSS MiB at the end | peak RSS (VmHWM) MiB |"
echo "|---|---:|---:|"
for i in "${!names[@]}"; do echo "| ${names[$i]} | $(rss_mib "${pids[$i]}") | $(peak_mib "${pids[$i]}") |"; done
echo
echo "load average at the end: $(load_avg); raw lines: $results; logs: $run_dir"
