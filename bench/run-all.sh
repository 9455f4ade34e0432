#!/usr/bin/env bash
# Builds the benchmarks and runs every one of them briefly, one after the other (about 12 minutes in all on
# 2 cores, most of it the JMH validation run and the 1,000,000-row inserts of the revocation index).
# Each prints its figures with the ratio to its baseline; bench/README.md lists them one by one.
#
# Needs: JDK 17, PostgreSQL at 127.0.0.1:5432 (user postgres, trust) for the PostgreSQL columns, and for the
# HTTP load test curl, jq, openssl and wrk (apt-get install -y wrk).
# Usage: bench/run-all.sh [--skip-build]
set -euo pipefail
repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
if [ "${1:-}" != "--skip-build" ]; then
  ./mvnw -q -Pbench -DskipTests package
fi
cp="bench/target/tokenlife-bench.jar"
section() { printf '\n===== %s (load average %s)\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

section "validation (JMH, HS256 and RS256, 1,000,000 revocations in the compact index)"
java -cp "$cp" io.tokenlife.bench.validation.ValidationBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s -p algorithm=HS256,RS256 \
  | grep -v -E '^(#|Iteration|$)|Warmup Iteration' | tail -4

section "issuance (H2 file and PostgreSQL, 1/2/8 callers, HS256 and ES256)"
java -cp "$cp" io.tokenlife.bench.issuance.IssuanceBenchmark --seconds 3

section "HTTP load (wrk over loopback, cache on and off)"
bench/http/load.sh | sed -n '/^summary/,$p'

section "revocation propagation (two server processes on one PostgreSQL database)"
java -cp "$cp" io.tokenlife.bench.propagation.PropagationBenchmark 1000

section "refresh beside login (one server, H2 in memory, 8 clients)"
java -cp "$cp" io.tokenlife.bench.refresh.RefreshBenchmark 8 5 2 | sed -n '/^load /,$p'

section "start-up to /ready"
java -cp "$cp" io.tokenlife.bench.startup.StartupBenchmark 5

section "revocation index memory and load (1,000,000 revocations)"
java -Xmx1g -cp "$cp" io.tokenlife.bench.revocation.RevocationIndexBenchmark
