#!/bin/sh
# Reform benchmark: import, re-import and analysis of a year of sentences on the embedded H2.
# Usage: bench/reform.sh [rows]      (run from the repository root)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.reform.bench.SentenceImportBench "$@"
