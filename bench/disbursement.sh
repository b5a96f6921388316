#!/usr/bin/env bash
# One disbursement run over N due instalments (default 200,000) with the stand-in payment provider,
# on the real service code and a fresh embedded PostgreSQL on this machine, in a 1 GiB heap; then
# a second run, which must pay nothing. BENCH_PROVIDER=snap: through the SNAP BI adapter against the
# SNAP simulator (started in the benchmark's JVM, over real HTTP on this machine) instead.
#   [BENCH_PROVIDER=snap] bench/disbursement.sh [payouts]
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=$(bin/find-jdk)
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
rm -rf target/bench-pay-pg
"$java_home/bin/java" -Xmx1g ${BENCH_JVM_OPTS:-} -Dpayouts="${1:-200000}" -Dprovider="${BENCH_PROVIDER:-stand-in}" -DdataDir=target/bench-pay-pg \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.prakerja.bench.DisbursementBenchmark
