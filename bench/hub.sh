#!/bin/sh
# Hub benchmark: query time and unique-client count over in-memory encodings.
# Usage: bench/hub.sh      (run from the repository root)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.hub.HubQueryBenchmark "$@"
