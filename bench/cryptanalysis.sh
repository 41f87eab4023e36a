#!/bin/sh
# Cryptanalysis benchmark (issue 14): pattern mining and graph matching against today's encodings.
# Usage: bench/cryptanalysis.sh [clients] [seed] [birth-years] [encodings]   (run from the repository root)
#   encodings: comma-separated, e.g. salt=none,bitFlip=0.1,xorFold,diffusion=5x2048 (default or "all": every option)
#   then optionally attacks ("pattern mining,graph matching,spectral") and tables ("exact,noisy")
#   defaults 20000 1 40; national scale: bench/cryptanalysis.sh 100000 1 20   (5,000 per birth year)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.ishenim.bench.cryptanalysis.CryptanalysisBenchmark "$@"
