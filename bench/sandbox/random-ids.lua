-- wrk script: GET /v1/properties/{id} over uniformly random ids in 1..PROPERTIES.
local properties = tonumber(os.getenv("PROPERTIES") or "100000")
local key = os.getenv("API_KEY") or "sandbox"

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

request = function()
  local id = string.format("P%09d", math.random(1, properties))
  return wrk.format("GET", "/v1/properties/" .. id, { ["X-API-Key"] = key })
end
