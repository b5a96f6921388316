#!/usr/bin/env bash
# Selection of 1,000,000 applicants with a quota of 200,000, then its announcement, on the real
# service code and a fresh embedded PostgreSQL on this machine.
#   bench/selection.sh [applicants] [quota]
set -euo pipefail
cd "$(dirname "$0")/.."
applicants=${1:-1000000}
quota=${2:-200000}
java_home=$(bin/find-jdk)
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
rm -rf target/bench-pg
"$java_home/bin/java" -Xmx4g -Dapplicants="$applicants" -Dquota="$quota" -DdataDir=target/bench-pg \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.prakerja.bench.SelectionBenchmark
