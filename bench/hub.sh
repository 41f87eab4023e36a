#!/bin/sh
# Hub benchmark: query time and unique-client count over in-memory encodings.
# Usage: bench/hub.sh [query set size] [count sizes, e.g. 20000,100000,1000000] [configuration, e.g. plain]
# For each count size: the plan, the clustering's wall and CPU time, a sample of the exact every-pair scan with its
# extrapolation, and (up to 100,000) one upload and one withdrawal through the hub's incremental count.
# 1,000,000 encodings of 2,048 bits take 256 MB; the benchmark peaked at 1.8 GB resident with 1,024 bits.
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.hub.HubQueryBenchmark "$@"
