#!/usr/bin/env bash
# Durable no-op jobs: the gateway's job engine on PostgreSQL and on SQLite beside Bull on Redis,
# one run, written between the bench:jobs markers of docs/benchmarks.md.
# Usage: bench/jobs/run.sh [jobs] [JobsBench options, e.g. --concurrency 8 --rate 200 --print]
# Needs PostgreSQL on 127.0.0.1:5432 (database test, user postgres; --postgres URL to change),
# Redis on 127.0.0.1:6379 (REDIS_URL to change) and Node with npm.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"

command -v node >/dev/null || { echo "node is missing: apt-get install -y nodejs npm" >&2; exit 1; }
if [ ! -d bench/jobs/bull/node_modules/bull ]; then
  (cd bench/jobs/bull && npm ci --no-audit --no-fund)
fi

cp_file="$root/bench/target/jobs-classpath.txt"
# Sibling modules resolve to their target/classes within this reactor; nothing is installed.
./mvnw -B -q -o -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null

exec "$JAVA_HOME/bin/java" -Xms256m -Xmx1g --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:$(cat "$cp_file")" dev.reapi.bench.jobs.JobsBench "$@"
