-- wrk script: GET /v1/properties/{id} over uniformly random ids in 1..PROPERTIES.
-- Each thread pre-formats a pool of requests with random ids and cycles through it, so that the
-- load generator spends its CPU on sending, not on building strings (wrk shares the machine).
local properties = tonumber(os.getenv("PROPERTIES") or "100000")
local key = os.getenv("API_KEY") or "sandbox"
local pool_size = 20000
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_seed", counter * 7919)
end

function init(args)
  math.randomseed(thread_seed or 1)
  pool = {}
  for i = 1, pool_size do
    local id = string.format("P%09d", math.random(1, properties))
    pool[i] = wrk.format("GET", "/v1/properties/" .. id, { ["X-API-Key"] = key })
  end
  index = 0
end

request = function()
  index = index % pool_size + 1
  return pool[index]
end
