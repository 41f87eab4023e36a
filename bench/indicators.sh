#!/bin/sh
# Indicators benchmark (issue 13): a clinic of 5,000 clients with two years of daily doses loaded into H2 (file) or
# PostgreSQL (embedded), then a month's indicators (manager's page, monthly freeze); the hub's combination of 100
# reports with suppression, and its unique-client count over 100,000 encodings. Prints a Markdown table.
# Usage: bench/indicators.sh [h2|pg] [clients, default 5000] [encodings, default 100000; 0 skips the hub] [configuration]
#        (run from the repository root)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.bench.indicators.IndicatorsBenchmark "$@"
