-- wrk script: GET <PREFIX><id> over ids 1..IDS, the same seeded sequence for every target.
-- Each thread pre-formats its requests (a seeded shuffle of all ids), so wrk spends its CPU on
-- sending. Environment: IDS (default 10000), PREFIX (default /api/properties/), AUTH (a value
-- for the Authorization header, none when empty) and DELAY_MS (a pause before each request on
-- each connection: closed-loop pacing, since Debian's wrk has no fixed-rate mode).
local ids = tonumber(os.getenv("IDS") or "10000")
local prefix = os.getenv("PREFIX") or "/api/properties/"
local auth = os.getenv("AUTH") or ""
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_seed", counter * 7919)
end

function init(args)
  math.randomseed(thread_seed or 1)
  local order = {}
  for i = 1, ids do
    order[i] = i
  end
  for i = ids, 2, -1 do
    local j = math.random(1, i)
    order[i], order[j] = order[j], order[i]
  end
  local headers = {}
  if auth ~= "" then
    headers["Authorization"] = auth
  end
  pool = {}
  for i = 1, ids do
    pool[i] = wrk.format("GET", prefix .. string.format("P%09d", order[i]), headers)
  end
  index = 0
end

request = function()
  index = index % ids + 1
  return pool[index]
end

if delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end
