-- wrk script: GET /api/v1/search?q=…&limit=… rotating through the judged queries (requests.lua).
--   wrk -t2 -c50 -d20s -s Benchmarks/load/search.lua http://127.0.0.1:8080
-- Env: LOTSE_SEARCH_LIMIT (default 5). Queries are UTF-8 percent-encoded (common.urlencode).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

common.install("search", function(data)
  local limit = math.floor(common.env_number("LOTSE_SEARCH_LIMIT", 5))
  local list = {}
  for _, query in ipairs(data.search) do
    local path = "/api/v1/search?q=" .. common.urlencode(query) .. "&limit=" .. limit
    table.insert(list, wrk.format("GET", path, { ["Accept"] = "application/json" }))
  end
  return list
end)
