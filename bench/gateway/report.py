"""Writes the bench:gateway-cache section of docs/benchmarks.md from run.sh's results folder.

Usage: report.py RESULTS_DIR DOC. Every number comes from a file run.sh wrote: wrk's output,
the driver's JSON lines, the sandbox's billing counters and the gateway's /proc status.
"""

import json
import os
import re
import statistics
import sys

START = "<!-- bench:gateway-cache:start -->"
END = "<!-- bench:gateway-cache:end -->"


def read(results, name):
    with open(os.path.join(results, name), encoding="utf-8") as f:
        return f.read().strip()


def wrk(results, name):
    """req/s, p50, p99 and the error lines of one wrk output."""
    text = read(results, name)
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    errors = re.findall(r"^\s*(Non-2xx.*|Socket errors.*)$", text, re.M)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": p50.group(1) if p50 else "?",
        "p99": p99.group(1) if p99 else "?",
        "errors": "; ".join(e.strip() for e in errors),
    }


def millis(text):
    """wrk's latency (850.00us, 1.20ms, 2.00s) in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        return float("inf")
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[match.group(2)]
    return float(match.group(1)) * factor


def runs(results, name):
    """The outage passes of one file that ended before the outage did, summed."""
    total = {"requests": 0, "errors": 0, "statuses": {}, "sources": {}, "passes": 0, "late": []}
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return total
    for line in read(results, name).splitlines():
        timed = json.loads(line)
        run = timed["run"]
        if timed["left_end"] < 0:
            total["late"].append(run)
            continue
        total["passes"] += 1
        total["requests"] += run["requests"]
        total["errors"] += run["errors"]
        for key in ("statuses", "sources"):
            for k, v in run[key].items():
                total[key][k] = total[key].get(k, 0) + v
    return total


def ok_share(total):
    ok = sum(v for k, v in total["statuses"].items() if k.startswith("2"))
    return ok, (100.0 * ok / total["requests"] if total["requests"] else 0.0)


def by_key(before, after, counter, key):
    return after[counter].get(key, 0) - before[counter].get(key, 0)


def met(flag):
    return "met" if flag else "not met"


def counts(mapping):
    return ", ".join(f"{k} {v:,}" for k, v in sorted(mapping.items())) or "-"


def section_a(results):
    gw_full, ng_full = wrk(results, "a-full-gateway.txt"), wrk(results, "a-full-nginx.txt")
    gw_paced, ng_paced = wrk(results, "a-paced-gateway.txt"), wrk(results, "a-paced-nginx.txt")
    seconds = read(results, "seconds")
    rows = [
        "| target | req/s | p50 | p99 | paced req/s | paced p50 | paced p99 | wrk errors |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, full, paced in (("gateway", gw_full, gw_paced), ("nginx", ng_full, ng_paced)):
        errors = "; ".join(e for e in (full["errors"], paced["errors"]) if e) or "none"
        rows.append(
            f"| {name} | {full['rps']:,.0f} | {full['p50']} | {full['p99']} | "
            f"{paced['rps']:,.0f} | {paced['p50']} | {paced['p99']} | {errors} |"
        )
    ratio = gw_full["rps"] / ng_full["rps"] if ng_full["rps"] else 0.0
    paced_ok = gw_paced["rps"] >= 9500 and millis(gw_paced["p99"]) <= 2.0
    paced_note = (
        f"the paced run reached {gw_paced['rps']:,.0f} req/s with p99 {gw_paced['p99']}"
    )
    if gw_paced["rps"] < 9500:
        paced_note += ", so the rate itself was not reached on this machine"
    return "\n".join(
        [
            "#### A. Cached reads",
            "",
            f"Both targets warmed with ids 1..10,000, then wrk (2 threads, 64 connections, "
            f"{seconds} s after a 5 s warm-up) over the same seeded shuffle of those ids "
            "(`bench/gateway/ids.lua`); the gateway with `Authorization: Bearer <key>`. The paced "
            "run is closed-loop: 50 connections, each waiting 5 ms (wrk's `delay()`) before every "
            "request, for 15 s, so its rate is what the target allowed, at most about 10,000 "
            "req/s.",
            "",
            *rows,
            "",
            f"- At least nginx's requests per second: **{met(ratio >= 1.0)}** "
            f"(gateway {ratio:.0%} of nginx).",
            f"- p99 <= 2 ms at 10,000 req/s: **{met(paced_ok)}**: {paced_note}.",
        ]
    )


def section_b(results):
    before = json.loads(read(results, "b-stats-before.json"))
    after = json.loads(read(results, "b-stats-after.json"))
    gw = json.loads(read(results, "b-gateway.json"))
    ng = json.loads(read(results, "b-nginx.json"))
    exponent, seed = read(results, "zipf-params").split()
    calls = {k: by_key(before, after, "requests_by_api_key", k) for k in ("gw", "nginx")}
    records = {k: by_key(before, after, "records_by_api_key", k) for k in ("gw", "nginx")}
    distinct = gw["distinct_ids"]
    ratio = calls["gw"] / calls["nginx"] if calls["nginx"] else float("inf")
    rows = [
        "| measure | gateway | nginx |",
        "|---|---:|---:|",
        f"| requests (errors) | {gw['requests']:,} ({gw['errors']}) "
        f"| {ng['requests']:,} ({ng['errors']}) |",
        f"| answers by status | {counts(gw['statuses'])} | {counts(ng['statuses'])} |",
        f"| answers by `meta.source` | {counts(gw['sources'])} | - |",
        f"| distinct ids requested | {distinct:,} | {ng['distinct_ids']:,} |",
        f"| upstream calls (sandbox requests) | {calls['gw']:,} | {calls['nginx']:,} |",
        f"| records fetched (sandbox billed) | {records['gw']:,} | {records['nginx']:,} |",
        f"| elapsed | {gw['elapsed_ms'] / 1000:.1f} s | {ng['elapsed_ms'] / 1000:.1f} s |",
    ]
    return "\n".join(
        [
            "#### B. Zipf over cold caches",
            "",
            f"Fresh sandbox, gateway and nginx. 100,000 requests over 20,000 ids drawn Zipf "
            f"(s = {exponent}, seed {seed}; `dev.reapi.bench.gateway.ZipfDriver`), the same "
            "sequence through each target, 64 concurrent workers (virtual threads, JDK "
            "HttpClient). Upstream calls and records are the sandbox's billing counters per API "
            "key (the gateway and nginx use different keys).",
            "",
            *rows,
            "",
            f"- Records fetched via the gateway equal the distinct ids: "
            f"**{met(records['gw'] == distinct)}** ({records['gw']:,} for {distinct:,}).",
            f"- Upstream calls at most a tenth of nginx's: **{met(ratio <= 0.1)}** "
            f"({calls['gw']:,} vs {calls['nginx']:,}, ratio {ratio:.3f}).",
        ]
    )


def section_c(results):
    before = json.loads(read(results, "c-stats-before.json"))
    mid = json.loads(read(results, "c-stats-mid.json"))
    after = json.loads(read(results, "c-stats-after.json"))
    restart = int(read(results, "c-restart-ms"))
    left = int(read(results, "c-restarted-left-s"))
    attempts = {
        "gateway-warm": by_key(before, mid, "requests_by_api_key", "gw"),
        "gateway-restarted": by_key(mid, after, "requests_by_api_key", "gw"),
        "nginx": by_key(before, after, "requests_by_api_key", "nginx"),
    }
    rows = [
        "| target | seen ids: requests | answered 2xx | by `meta.source` "
        "| never-seen ids: requests | answered 2xx | upstream attempts |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    all_seen = True
    restarted_seen = 0
    late = []
    for name, label in (
        ("gateway-warm", "gateway, warm"),
        ("gateway-restarted", "gateway, restarted in the outage"),
        ("nginx", "nginx (`proxy_cache_use_stale`)"),
    ):
        seen = runs(results, f"c-{name}-seen.jsonl")
        unseen = runs(results, f"c-{name}-unseen.jsonl")
        for kind, total in (("seen", seen), ("never-seen", unseen)):
            late += [(label, kind, run) for run in total["late"]]
        if name == "gateway-restarted":
            restarted_seen = seen["requests"]
        seen_ok, seen_share = ok_share(seen)
        _, unseen_share = ok_share(unseen)
        sources = counts(seen["sources"]) if name != "nginx" else "-"
        if name.startswith("gateway"):
            all_seen = all_seen and seen_ok == seen["requests"]
        rows.append(
            f"| {label} | {seen['requests']:,} | {seen_share:.1f} % | {sources} "
            f"| {unseen['requests']:,} | {unseen_share:.1f} % | {attempts[name]:,} |"
        )
    if left > 0:
        timing = f"its first pass began {left} s before the outage ended"
    else:
        timing = (
            f"its first pass began {-left} s after the outage had ended, so that row does not "
            "show outage behaviour"
        )
    return "\n".join(
        [
            "#### C. A 60 s sandbox outage after warm-up",
            "",
            "Both targets warmed with ids 1..2,000 (the gateway writes each record through to its "
            "SQLite replica), then the sandbox answered every call with 503 for 60 s. During it: "
            "one pass over the 2,000 seen ids (16 workers) and one over 50 never-seen ids (10 "
            "workers) through each target; then the gateway was restarted (empty in-process cache, same SQLite "
            f"file; it answered `/health` {restart:,} ms after launch, and {timing}) and passes "
            "were repeated against it and nginx until 8 s before the outage ended. Upstream "
            "attempts are the sandbox's request counters per API key (every request it received, "
            "refused or not) from the start of the outage to the restart and from the restart to "
            "the end of the outage; nginx's cover the whole outage.",
            "",
            *rows,
            "",
            "Passes still running when the outage ended are left out of the table: "
            + late_note(late),
            "",
            verdict_c(all_seen, restarted_seen),
        ]
    )


def verdict_c(all_seen, restarted_seen):
    goal = "- Every request for a seen id answered by the gateway: "
    if restarted_seen:
        return goal + f"**{met(all_seen)}**."
    return (
        goal
        + f"**{met(all_seen)} while warm; not shown after the restart** (no pass of the restarted "
        "gateway finished within the outage)."
    )


def late_note(late):
    if not late:
        return "none."
    parts = [
        f"{label}, {kind} ids: {counts(run['statuses'])} (by source: {counts(run['sources'])})"
        for label, kind, run in late
    ]
    return "; ".join(parts) + "."


def section_d(results):
    startups = [int(x) for x in read(results, "startup-ms").split()]
    median = statistics.median(startups)
    rss_mb = int(read(results, "gateway-vmhwm-kb")) / 1024
    first = read(results, "startup-first-ms").split()
    first_label = (
        "first start after the build (the launcher made its AOT cache)"
        if "made" in first
        else "first start (the launcher's AOT cache was already made)"
    )
    return "\n".join(
        [
            "#### D. Footprint",
            "",
            "| measure | value | goal |",
            "|---|---:|---:|",
            f"| start to ready, median of 3 (runs: {', '.join(f'{s:,}' for s in startups)} ms) "
            f"| {median / 1000:.2f} s | <= 2 s |",
            f"| {first_label} | {int(first[0]) / 1000:.2f} s | - |",
            f"| gateway peak resident memory after A (VmHWM) | {rss_mb:,.0f} MB | <= 300 MB |",
            "",
            "Start to ready: from launching `./reapi serve` with no configuration file (only "
            "the upstream key and URL, host and port in the environment; a fresh SQLite file "
            "in an empty working directory) to the first 200 from `/health/ready`, with the "
            "launcher's JVM options (see docs/operations.md). The launcher makes its AOT "
            "cache once per build, on the first `serve` or `demo`; that start is shown apart.",
            "",
            f"- Peak resident memory <= 300 MB: **{met(rss_mb <= 300)}**.",
            f"- Start to ready <= 2 s: **{met(median <= 2000)}**.",
        ]
    )


def section(results):
    machine = read(results, "machine")
    jdk, nginx = read(results, "jdk"), read(results, "nginx-version")
    return "\n\n".join(
        [
            "### Gateway cache: gateway vs nginx proxy_cache",
            "The gateway (`reapi serve` on embedded defaults: SQLite in a temporary directory, "
            "in-process cache only, no Redis) and nginx "
            f"{nginx} (2 workers, `proxy_cache` on a temporary directory, `proxy_cache_valid 200 "
            "1h`, `proxy_cache_lock on`, keep-alive upstream pool of 64, access log off) in "
            "front of the same sandbox (100,000 properties, a fixed added latency of "
            f"{read(results, 'latency-ms')} ms). The gateway authenticates every request "
            "(a Bearer key), rate-limits it (a `bench` plan of 100,000,000 details requests "
            "per 60 s, so the limiter is consulted but never refuses) and records its metrics; "
            "its access log (one JSON line per request) goes to a file. wrk, the driver, the "
            "sandbox and both targets share the same cores, so these figures are floors.",
            section_a(results),
            section_b(results),
            section_c(results),
            section_d(results),
            f"_Measured {read(results, 'date')} on {machine}, JDK {jdk}; load average before: "
            f"{read(results, 'load-before')}. Command: `bench/gateway/run.sh`._",
        ]
    )


def main():
    results, doc = sys.argv[1], sys.argv[2]
    text = open(doc, encoding="utf-8").read() if os.path.exists(doc) else "# reapi benchmarks\n"
    if START not in text:
        text = text.rstrip("\n") + f"\n\n{START}\n{END}\n"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    body = section(results)
    text = pattern.sub(lambda m: f"{START}\n{body}\n{END}", text, count=1)
    with open(doc, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
