#!/usr/bin/env bash
# Consumer lag monitoring benchmark (PERFORMANCE.md, section "Consumer lag monitoring"): lag collection time for
# 10 groups x 50 partitions and the end-to-end probe's p50/p99, on the embedded broker.
# Usage: bench/lag-monitoring.sh [extra Maven flags, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B "$@" test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.alphapanda.monitoring.bench.LagMonitoringBenchmark
