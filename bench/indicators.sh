#!/bin/sh
# Indicators benchmark (issue 13): a clinic of 5,000 clients with two years of daily doses loaded into H2 (file) or
# PostgreSQL (embedded), then a month's indicators (manager's page, monthly freeze); a hub on the same database with
# 100 sites' stored reports and its national combination (suppression, roll-up), and its unique-client count over
# 100,000 encodings. Prints a Markdown table.
# Usage: bench/indicators.sh [h2|pg] [clients, default 5000; 0 skips the clinic]
#        [encodings, default 100000; 0 skips the de-duplication] [configuration]   (run from the repository root)
# BENCH_JAVA_OPTS='-Dbench.h2-dir=DIR' keeps the H2 clinic in DIR; a later run on it skips the load.
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx3g $BENCH_JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.bench.indicators.IndicatorsBenchmark "$@"
