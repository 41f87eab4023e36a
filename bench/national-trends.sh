#!/bin/sh
# National trends benchmark (issue 13): a hub on an H2 file with 100 synthetic sites' reports for each of twelve
# months, then the national page's trends (twelve reads and twelve combinations with suppression), best of three.
# Usage: bench/national-trends.sh [sites, default 100] [regions, default 7]   (run from the repository root)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.indicators.NationalTrendsBenchmark "$@"
