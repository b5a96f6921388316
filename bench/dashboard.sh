#!/usr/bin/env bash
# The logged-in dashboard page against GET /api/v1/me for the same 32 participants, in one run
# (issue 10: the page's rate at least half the JSON's, p99 under 100 ms).
#   bench/dashboard.sh [sessions] [seconds]
# BENCH_JVM_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=target/dash.jfr to profile.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=$(bin/find-jdk)
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
rm -rf target/bench-dash-pg
"$java_home/bin/java" -Xmx2g ${BENCH_JVM_OPTS:-} -Dsessions="${1:-32}" -Dseconds="${2:-30}" -DdataDir=target/bench-dash-pg \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.prakerja.bench.DashboardBenchmark
