#!/usr/bin/env bash
# Registrations per second over HTTP against the running service, as a ratio of the bare
# password-hash (Argon2id) rate measured in the same JVM with the same concurrency.
#   bench/registration.sh [concurrency] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
java_home=$(bin/find-jdk)
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
rm -rf target/bench-reg-pg
"$java_home/bin/java" -Xmx2g -Dconcurrency="${1:-8}" -Dseconds="${2:-30}" -DdataDir=target/bench-reg-pg \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.prakerja.bench.RegistrationBenchmark
