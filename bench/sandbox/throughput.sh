#!/usr/bin/env bash
# Sandbox throughput: GET /v1/properties/{id} over random ids, latency faults off.
# Starts dev.reapi.sandbox.SandboxMain from the sandbox module's classes, warms it up, runs wrk
# (64 connections, 10 s by default) and writes the result between the bench:sandbox-throughput
# markers of docs/benchmarks.md. Usage: bench/sandbox/throughput.sh [seconds] [properties]
set -euo pipefail

duration="${1:-10}"
properties="${2:-100000}"
port="${SANDBOX_BENCH_PORT:-18091}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ ! -d sandbox/target/classes/dev/reapi/sandbox ]; then
  ./mvnw -B -q -pl sandbox compile
fi
cp_file="sandbox/target/bench-classpath.txt"
./mvnw -B -q -pl sandbox dependency:build-classpath -Dmdep.outputFile="$root/$cp_file" \
  -DincludeScope=runtime >/dev/null

"$JAVA_HOME/bin/java" -Xms256m -Xmx1g -cp "sandbox/target/classes:$(cat "$cp_file")" \
  dev.reapi.sandbox.SandboxMain --port "$port" --properties "$properties" \
  >sandbox/target/bench-sandbox.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/v1/health" >/dev/null

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
script="bench/sandbox/random-ids.lua"
export PROPERTIES="$properties"
wrk -t2 -c64 -d5s -s "$script" "http://127.0.0.1:$port" >/dev/null
out="$(wrk -t2 -c64 -d"${duration}s" -s "$script" --latency "http://127.0.0.1:$port")"
echo "$out"

rps="$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
errors="$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')"
cpu="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
machine="$(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2}')"
when="$(date -u +%Y-%m-%dT%H:%MZ)"
command="bench/sandbox/throughput.sh $duration $properties"

section="$(cat <<MD
### Sandbox throughput

\`GET /v1/properties/{id}\` over uniformly random ids, no faults, wrk and the sandbox on the same
machine (wrk: 2 threads, 64 connections, ${duration} s after a 5 s warm-up). wrk takes part of
the same two cores, and "load before" shows how busy the shared machine already was: a high
load makes the figure a floor, not the sandbox's ceiling.

| req/s | p50 | p99 | properties | machine | load before | date | command |
|---|---|---|---|---|---|---|---|
| ${rps} | ${p50} | ${p99} | ${properties} | ${machine} | ${load_before} | ${when} | \`${command}\` |
${errors:+
wrk reported: ${errors}}
MD
)"

doc="docs/benchmarks.md"
[ -f "$doc" ] || printf '# reapi benchmarks\n' >"$doc"
if ! grep -q '<!-- bench:sandbox-throughput:start -->' "$doc"; then
  printf '\n<!-- bench:sandbox-throughput:start -->\n<!-- bench:sandbox-throughput:end -->\n' >>"$doc"
fi
SECTION="$section" python3 - "$doc" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start, end = "<!-- bench:sandbox-throughput:start -->", "<!-- bench:sandbox-throughput:end -->"
pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
text = pattern.sub(lambda m: start + "\n" + os.environ["SECTION"].strip() + "\n" + end, text, count=1)
open(path, "w", encoding="utf-8").write(text)
PY
echo "updated $doc: ${rps} req/s, p50 ${p50}, p99 ${p99}"
