#!/usr/bin/env bash
# Replica sync benchmarks; each writes its section of docs/benchmarks.md.
#   bench/sync/run.sh batch [properties]   full batch sync into PostgreSQL and SQLite beside
#                                          `psql \copy` (default 1000000; needs psql)
#   bench/sync/run.sh webhooks             webhook ingest into a real gateway on SQLite and
#                                          PostgreSQL, sent by wrk (needs wrk; set
#                                          -Dbench.events=N -Dbench.connections=N in
#                                          BENCH_JAVA_OPTS to change the load)
set -euo pipefail

what="${1:?usage: bench/sync/run.sh batch [properties] | webhooks}"
shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"

case "$what" in
  batch)
    command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
    main=dev.reapi.bench.sync.BatchSyncBench; args=("${1:-1000000}" docs/benchmarks.md) ;;
  webhooks)
    command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
    main=dev.reapi.bench.sync.WebhookIngestBench; args=(docs/benchmarks.md) ;;
  *) echo "unknown benchmark '$what': expected batch or webhooks" >&2; exit 2 ;;
esac
./mvnw -B -q -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=runtime >/dev/null
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -Xms2g -Xmx2g --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
  -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" "$main" "${args[@]}"
