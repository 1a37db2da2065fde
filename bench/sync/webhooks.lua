-- wrk script: POST pre-signed webhook events, each at most once, for wrk's duration.
-- EVENTS names a file written by WebhookIngestBench, one event a line:
--   webhook-id <TAB> webhook-timestamp <TAB> webhook-signature <TAB> body
-- Thread i of THREADS (default 2) sends the lines i, i + THREADS, ... so no event goes out twice.
-- A thread that has used up its events sends GET /health instead (a filler, never an event).
-- wrk calls request() once on the first thread's state before sending, to inspect the request:
-- each thread's first request is therefore a filler, so that no event is counted but not sent.
-- DELAY_MS (default 0) makes each connection wait that long before each request: closed-loop
-- pacing, since Debian's wrk has no fixed-rate mode.
-- done() prints one JSON line for the bench to read.
local path = os.getenv("EVENTS") or error("EVENTS (the file of signed events) is not set")
local threads = tonumber(os.getenv("THREADS") or "2")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local all = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_index", counter)
  table.insert(all, thread)
end

function init(args)
  pool = {}
  local line_number = 0
  for line in io.lines(path) do
    line_number = line_number + 1
    if (line_number - 1) % threads == thread_index - 1 then
      local id, timestamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      pool[#pool + 1] = wrk.format("POST", "/webhooks/property-updates", {
        ["content-type"] = "application/json",
        ["webhook-id"] = id,
        ["webhook-timestamp"] = timestamp,
        ["webhook-signature"] = signature,
      }, body)
    end
  end
  filler = wrk.format("GET", "/health")
  first = true
  events = 0
  accepted = 0
  exhausted = 0
end

request = function()
  if first then
    first = false
    return filler
  end
  if events < #pool then
    events = events + 1
    return pool[events]
  end
  exhausted = 1
  return filler
end

if delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end

response = function(status, headers, body)
  if status >= 200 and status < 300 and body:find("webhook_id", 1, true) then
    accepted = accepted + 1
  end
end

function done(summary, latency, requests)
  local sent, answered, used_up = 0, 0, 0
  for _, thread in ipairs(all) do
    sent = sent + thread:get("events")
    answered = answered + thread:get("accepted")
    used_up = used_up + thread:get("exhausted")
  end
  local e = summary.errors
  io.write(string.format(
    '{"events":%d,"accepted":%d,"exhausted":%d,"duration_us":%d,"http_errors":%d,' ..
      '"socket_errors":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    sent, answered, used_up, summary.duration, e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99),
    latency.max))
end
