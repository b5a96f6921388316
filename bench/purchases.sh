#!/usr/bin/env bash
# Signed purchases end to end over HTTP (OTP request + purchase) against the running service with
# many cards, then pgbench's TPC-B-like load on the same PostgreSQL, in one run.
#   bench/purchases.sh [concurrency] [seconds] [cards] [warm-up seconds, default 240: on two cores the
#   JIT compiler is still busy after 90]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
java_home=$(bin/find-jdk)
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
rm -rf target/bench-buy-pg
"$java_home/bin/java" -Xmx3g ${BENCH_JAVA_OPTS:-} -Dconcurrency="${1:-32}" -Dseconds="${2:-30}" -Dcards="${3:-40000}" -Dwarmup="${4:-240}" \
  -DdataDir=target/bench-buy-pg \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.prakerja.bench.PurchaseBenchmark
