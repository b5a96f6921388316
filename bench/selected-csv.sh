#!/usr/bin/env bash
# The console's CSV of a wave's selected applicants (200,000 by default), downloaded over HTTP by a
# logged-in operator: time to the last byte and the service's heap growth while it streams.
#   bench/selected-csv.sh [applicants] [quota]
# The young generation is held at 32 MiB so that "peak heap in use" counts little garbage: what
# stays above it is what the download keeps alive.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=$(bin/find-jdk)
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
rm -rf target/bench-csv-pg
"$java_home/bin/java" -Xmx1g -Xmn32m -Dapplicants="${1:-220000}" -Dquota="${2:-200000}" -DdataDir=target/bench-csv-pg \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.prakerja.bench.SelectedCsvBenchmark
