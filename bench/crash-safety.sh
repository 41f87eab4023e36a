#!/bin/sh
# Crash safety: dosing load, SIGKILL, restart; every acknowledged dose has its ledger and audit entries,
# the ledgers balance and the audit chain verifies. On PostgreSQL (embedded) and H2 (file, WRITE_DELAY=0).
# Usage: bench/crash-safety.sh [h2|pg|both]           (run from the repository root)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.ishenim.bench.CrashSafety "$@"
