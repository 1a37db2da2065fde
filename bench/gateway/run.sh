#!/usr/bin/env bash
# Gateway cache benchmarks: the gateway (embedded defaults, in-process cache only) and nginx
# with proxy_cache, both in front of the same sandbox, in one run:
#   A  cached GET /api/properties/{id}: wrk at full speed, then paced near 10,000 req/s
#   B  Zipf, cold caches: the same seeded 100,000 requests over 20,000 ids through each target
#   C  a 60 s sandbox outage after warm-up: answers for seen and never-seen ids, upstream attempts
#   D  footprint: start-to-ready of `reapi serve` (3 fresh starts after a first one, which makes
#      the launcher's AOT cache when the build is new) and peak RSS after A; the
#      gateway starts through ./reapi, so with the launcher's JVM flags (or REAPI_JAVA_OPTS)
# Writes the bench:gateway-cache section of docs/benchmarks.md (bench/gateway/report.py).
# Needs wrk, nginx (nginx-light is enough), curl and python3. Usage: bench/gateway/run.sh
# Environment: GWBENCH_SECONDS (wrk duration, default 20), GWBENCH_LATENCY_MS (the sandbox's
# fixed added latency, default 5), GWBENCH_KEEP=1 keeps the work directory and its logs,
# GWBENCH_PARTS=A runs part A alone and prints its wrk figures instead of writing the report
# (for A/B comparisons; default ABCD, the whole run).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
jar="$root/cli/target/reapi.jar"

seconds="${GWBENCH_SECONDS:-20}"
parts="${GWBENCH_PARTS:-ABCD}"
case "$parts" in
ABCD | A) ;;
*)
    echo "gwbench: GWBENCH_PARTS must be ABCD or A, not '$parts'" >&2
    exit 1
    ;;
esac
latency_ms="${GWBENCH_LATENCY_MS:-5}"
sb_port=18190
gw_port=18191
ng_port=18192
boot_port=18193
properties=100000
warm_ids=10000
zipf_requests=100000
zipf_ids=20000
zipf_exponent=1.0
zipf_seed=42
outage_s=60
seen_ids=2000
unseen_first=50001
unseen_ids=50

for tool in wrk nginx curl python3; do
    command -v "$tool" >/dev/null || {
        echo "gwbench: $tool is missing (apt-get install -y wrk nginx-light curl python3)" >&2
        exit 1
    }
done

work="$(mktemp -d /tmp/gwbench.XXXXXX)"
results="$work/results"
mkdir -p "$results"
sb_pid=""
gw_pid=""
ng_pid=""
snap_pid=""

stop() {
    local pid="$1"
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    [ -z "$snap_pid" ] || pkill -P "$snap_pid" 2>/dev/null || true
    stop "$snap_pid"
    stop "$gw_pid"
    stop "$ng_pid"
    stop "$sb_pid"
    if [ "${GWBENCH_KEEP:-0}" = 1 ]; then
        echo "gwbench: logs and results kept in $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "gwbench $(date -u +%H:%M:%S) $*" >&2; }

# Waits up to $2 seconds for a 200 from $1.
wait_200() {
    local url="$1" deadline=$((SECONDS + $2))
    until curl -fs -o /dev/null "$url"; do
        if ((SECONDS >= deadline)); then
            echo "gwbench: no 200 from $url within $2 s (logs: $work)" >&2
            GWBENCH_KEEP=1
            exit 1
        fi
        sleep 0.02
    done
}

now_ms() { date +%s%3N; }

faults() {
    curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d "$1" \
        "http://127.0.0.1:$sb_port/_sandbox/faults"
}

latency_fault="\"latency\": {\"distribution\": \"fixed\", \"p50_ms\": $latency_ms}"

start_sandbox() {
    "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" sandbox --port "$sb_port" \
        --properties "$properties" --market-rate 0 --api-key gw --api-key nginx \
        >"$work/sandbox-$1.log" 2>&1 &
    sb_pid=$!
    wait_200 "http://127.0.0.1:$sb_port/v1/health" 60
    faults "{$latency_fault}"
}

# Writes the gateway's configuration for run $1 (a fresh SQLite file) and creates a key.
configure_gateway() {
    local dir="$work/gateway-$1"
    mkdir -p "$dir"
    cat >"$dir/reapi.yaml" <<YAML
upstream:
  api_key: gw
  base_url: http://127.0.0.1:$sb_port
server:
  host: 127.0.0.1
  port: $gw_port
database:
  url: jdbc:sqlite:$dir/reapi.db
jobs:
  data_dir: $dir/data
plans:
  bench:
    search: { requests: 100000000, window_s: 60 }
    details: { requests: 100000000, window_s: 60 }
    jobs: { requests: 1000, window_s: 900 }
default_plan: bench
YAML
    "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" keys create --user bench \
        --config "$dir/reapi.yaml" >"$dir/key" 2>>"$dir/keys.log"
    gw_dir="$dir"
    gw_key="$(cat "$dir/key")"
}

# Starts the gateway on $gw_dir's configuration through the launcher, with its JVM flags (or
# REAPI_JAVA_OPTS); $1 is the health route to wait for. The launcher execs java: $! is the JVM.
start_gateway() {
    "$root/reapi" serve --config "$gw_dir/reapi.yaml" \
        >>"$gw_dir/access.log" 2>>"$gw_dir/gateway.log" &
    gw_pid=$!
    wait_200 "http://127.0.0.1:$gw_port$1" 120
}

start_nginx() {
    local dir="$work/nginx-$1" user=""
    mkdir -p "$dir/cache" "$dir/temp"
    if [ "$(id -u)" = 0 ]; then
        # As root, nginx runs its workers as nobody: they must reach and write the cache.
        user="user nobody nogroup;"
        chmod 711 "$work"
        chown -R nobody:nogroup "$dir"
    fi
    cat >"$dir/nginx.conf" <<CONF
$user
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    proxy_cache_path $dir/cache levels=1:2 keys_zone=props:64m max_size=2g inactive=2h
                     use_temp_path=off;
    upstream sandbox {
        server 127.0.0.1:$sb_port;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$ng_port;
        location = /ready {
            return 200;
        }
        location /api/properties/ {
            proxy_pass http://sandbox/v1/properties/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header X-API-Key nginx;
            proxy_cache props;
            proxy_cache_valid 200 1h;
            proxy_cache_lock on;
            proxy_cache_lock_timeout 30s;
            proxy_cache_use_stale error timeout http_500 http_502 http_503 updating;
            add_header Cache-Status \$upstream_cache_status;
        }
    }
}
CONF
    nginx -p "$dir" -c "$dir/nginx.conf" 2>>"$dir/error.log" &
    ng_pid=$!
    wait_200 "http://127.0.0.1:$ng_port/ready" 30
}

driver() {
    "$java" -cp "$work/classes" dev.reapi.bench.gateway.ZipfDriver "$@"
}

gw_url="http://127.0.0.1:$gw_port"
ng_url="http://127.0.0.1:$ng_port"

# ---- build -------------------------------------------------------------------------------
log "building the distribution if stale (./reapi --help)"
./reapi --help >/dev/null
mkdir -p "$work/classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/classes" \
    bench/src/main/java/dev/reapi/bench/gateway/{ZipfSampler,LoadRun,ZipfDriver}.java

cut -d' ' -f1-3 /proc/loadavg >"$results/load-before"
date -u +%Y-%m-%dT%H:%MZ >"$results/date"
echo "$latency_ms" >"$results/latency-ms"
echo "$seconds" >"$results/seconds"
"$java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' >"$results/jdk"
nginx -v 2>&1 | sed 's/.*nginx\///' >"$results/nginx-version"

# ---- D: start to ready on embedded defaults (fresh data directory each time) ---------------
# Start 0 is the first after the build: the launcher makes its AOT cache then, once, when it is
# missing or older than the jar. It is reported apart from the three measured starts.
start_sandbox a
log "sandbox up; one first start, then start-to-ready three times"
for run in 0 1 2 3; do
    [ "$parts" = ABCD ] || break
    boot="$work/boot-$run"
    mkdir -p "$boot"
    start="$(now_ms)"
    (cd "$boot" && REALESTATEAPI_KEY=gw REALESTATEAPI_BASE_URL="http://127.0.0.1:$sb_port" \
        REAPI_HOST=127.0.0.1 REAPI_PORT="$boot_port" exec "$root/reapi" serve \
        >boot.out 2>boot.log) &
    gw_pid=$!
    wait_200 "http://127.0.0.1:$boot_port/health/ready" 120
    if [ "$run" = 0 ]; then
        echo $(($(now_ms) - start)) >"$results/startup-first-ms"
        if grep -q "preparing the start-up cache" "$boot/boot.log"; then
            echo made >>"$results/startup-first-ms"
        fi
    else
        echo $(($(now_ms) - start)) >>"$results/startup-ms"
    fi
    stop "$gw_pid"
    gw_pid=""
done

# ---- A: cached reads ----------------------------------------------------------------------
log "A: starting gateway and nginx, warming $warm_ids ids"
configure_gateway a
start_gateway /health/ready
start_nginx a
driver --base "$gw_url" --header "Authorization: Bearer $gw_key" --distribution sequential \
    --ids "$warm_ids" --requests "$warm_ids" >"$results/a-warm-gw.json"
driver --base "$ng_url" --distribution sequential --ids "$warm_ids" --requests "$warm_ids" \
    >"$results/a-warm-nginx.json"

run_wrk() {
    local name="$1" url="$2" auth="$3"
    log "A: wrk against $name"
    IDS="$warm_ids" AUTH="$auth" wrk -t2 -c64 -d5s -s bench/gateway/ids.lua "$url" >/dev/null
    IDS="$warm_ids" AUTH="$auth" wrk -t2 -c64 -d"${seconds}s" --latency \
        -s bench/gateway/ids.lua "$url" >"$results/a-full-$name.txt"
    IDS="$warm_ids" AUTH="$auth" DELAY_MS=5 wrk -t2 -c50 -d15s --latency \
        -s bench/gateway/ids.lua "$url" >"$results/a-paced-$name.txt"
}
run_wrk gateway "$gw_url" "Bearer $gw_key"
run_wrk nginx "$ng_url" ""
awk '/VmHWM/ {print $2}' "/proc/$gw_pid/status" >"$results/gateway-vmhwm-kb"
curl -fs "$gw_url/metrics" >"$results/a-metrics.txt"

stop "$gw_pid"
stop "$ng_pid"
stop "$sb_pid"
gw_pid=""
ng_pid=""
sb_pid=""

if [ "$parts" = A ]; then
    for name in full-gateway full-nginx paced-gateway paced-nginx; do
        printf 'gwbench A %-14s %s req/s, p99 %s\n' "$name" \
            "$(awk '/Requests\/sec/ {print $2}' "$results/a-$name.txt")" \
            "$(awk '$1 == "99%" {print $2}' "$results/a-$name.txt")"
    done
    exit 0
fi

# ---- B: Zipf over cold caches -------------------------------------------------------------
log "B: fresh sandbox, gateway and nginx; $zipf_requests Zipf requests each"
start_sandbox b
configure_gateway b
start_gateway /health/ready
start_nginx b
zipf=(--distribution zipf --ids "$zipf_ids" --requests "$zipf_requests"
    --exponent "$zipf_exponent" --seed "$zipf_seed" --concurrency 64)
echo "$zipf_exponent $zipf_seed" >"$results/zipf-params"
curl -fs "http://127.0.0.1:$sb_port/_sandbox/stats" >"$results/b-stats-before.json"
driver --base "$gw_url" --header "Authorization: Bearer $gw_key" "${zipf[@]}" \
    >"$results/b-gateway.json"
driver --base "$ng_url" "${zipf[@]}" >"$results/b-nginx.json"
curl -fs "http://127.0.0.1:$sb_port/_sandbox/stats" >"$results/b-stats-after.json"
curl -fs "$gw_url/metrics" >"$results/b-metrics.txt"

# ---- C: outage after warm-up --------------------------------------------------------------
log "C: warming ids 1..$seen_ids, then a ${outage_s} s outage"
seen=(--distribution sequential --ids "$seen_ids" --requests "$seen_ids" --concurrency 16)
unseen=(--distribution sequential --first "$unseen_first" --ids "$unseen_ids"
    --requests "$unseen_ids" --concurrency 10)
driver --base "$gw_url" --header "Authorization: Bearer $gw_key" "${seen[@]}" >/dev/null
driver --base "$ng_url" "${seen[@]}" >/dev/null
sleep 2
curl -fs "http://127.0.0.1:$sb_port/_sandbox/stats" >"$results/c-stats-before.json"
faults "{$latency_fault, \"outage_seconds\": $outage_s}"
outage_end=$((SECONDS + outage_s))
# The counters as the outage ends, whatever pass is running then.
(sleep "$outage_s" && curl -fs "http://127.0.0.1:$sb_port/_sandbox/stats" \
    >"$results/c-stats-after.json") &
snap_pid=$!

# Appends one driver run to $results/c-$1.jsonl with the outage seconds left at its start and
# end, so that the report can leave out a pass that outlasted the outage.
timed() {
    local file="$results/c-$1.jsonl" left_start run
    shift
    left_start=$((outage_end - SECONDS))
    run="$(driver "$@")"
    printf '{"left_start":%d,"left_end":%d,"run":%s}\n' "$left_start" \
        $((outage_end - SECONDS)) "$run" >>"$file"
}

probe() {
    local name="$1" url="$2"
    shift 2
    timed "$name-seen" --base "$url" "$@" "${seen[@]}"
    timed "$name-unseen" --base "$url" "$@" "${unseen[@]}"
}
probe gateway-warm "$gw_url" --header "Authorization: Bearer $gw_key"
probe nginx "$ng_url"
log "C: restarting the gateway during the outage (empty in-process cache, same SQLite replica)"
curl -fs "http://127.0.0.1:$sb_port/_sandbox/stats" >"$results/c-stats-mid.json"
stop "$gw_pid"
start="$(now_ms)"
start_gateway /health
echo $(($(now_ms) - start)) >"$results/c-restart-ms"
# At least one pass after the restart, however long it took; the report says when it began.
echo $((outage_end - SECONDS)) >"$results/c-restarted-left-s"
probe gateway-restarted "$gw_url" --header "Authorization: Bearer $gw_key"
probe nginx "$ng_url"
while ((SECONDS < outage_end - 8)); do
    probe gateway-restarted "$gw_url" --header "Authorization: Bearer $gw_key"
    probe nginx "$ng_url"
done
wait "$snap_pid"
snap_pid=""
curl -fs "$gw_url/metrics" >"$results/c-metrics.txt"

# ---- report -------------------------------------------------------------------------------
cpu="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
mem="$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "$(nproc) cores, ${cpu:-unknown CPU}, $mem" >"$results/machine"
python3 bench/gateway/report.py "$results" docs/benchmarks.md
log "done: docs/benchmarks.md updated (bench:gateway-cache)"
