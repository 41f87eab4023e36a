#!/bin/sh
# Linkage benchmark: speed (with the C baseline), FEBRL4 quality, and blocked 1M x 1M scale.
# Usage: bench/linkage.sh [--scale N] [--skip-scale] [--skip-quality]   (run from the repository root; needs gcc)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.linkage.bench.DiceBench "$@"
