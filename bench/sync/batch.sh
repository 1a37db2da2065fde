#!/usr/bin/env bash
# Batch sync benchmark: a full sync of an in-process sandbox into PostgreSQL and SQLite, beside
# `psql \copy` of the same rows. Writes the bench:sync-batch section of docs/benchmarks.md.
# Usage: bench/sync/batch.sh [properties]   (default 1000000; needs PostgreSQL and psql)
set -euo pipefail

properties="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"

command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
./mvnw -B -q -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=runtime >/dev/null
"$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
  dev.reapi.bench.sync.BatchSyncBench "$properties" docs/benchmarks.md
