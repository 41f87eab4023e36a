#!/bin/sh
# Dosing benchmark: 32 concurrent HTTP clients recording doses on PostgreSQL (embedded) and H2 (file),
# against the raw JDBC single-row insert+commit rate of the same database from 32 threads.
# The server runs as its own JVM (target/ishenim.jar, built first); the load generator costs little CPU.
# Usage: bench/dosing.sh [h2|pg|both] [doses, default 3000] [warm-up doses, default four times as many]        (run from the repository root)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.bench.DosingBenchmark "$@"
