#!/bin/sh
# Hardening quality frontier: translit-dev v2 F1 (clinic schema) and FEBRL4 recall at precision >= 0.99 (FEBRL
# schema) for each encoding configuration (ishenim.linkage.encoding). The privacy side is bench/cryptanalysis.sh.
# Usage: bench/hardening.sh [configuration ids...]   (run from the repository root; default: every configuration)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx8g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.bench.HardeningBenchmark "$@"
