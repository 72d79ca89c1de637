-- wrk script: GET /api/v1/search?q=…&limit=… with distinct typed queries (Benchmarks/traffic/queries.txt: XQuAD-de
-- questions and judged queries as typed, every 3 characters and at word ends; no line repeats). Each wrk thread
-- walks its own slice once (common.install_stream); repeats only after a slice is used up, reported by done().
--   WRK_THREADS=2 wrk -t2 -c50 -d20s -s Benchmarks/load/search-traffic.lua http://127.0.0.1:8080
-- Env: WRK_THREADS (= wrk's -t), LOTSE_SEARCH_LIMIT (default 5), LOTSE_TRAFFIC_DIR (default Benchmarks/traffic).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local limit = math.floor(common.env_number("LOTSE_SEARCH_LIMIT", 5))
common.install_stream("search-traffic", "queries.txt", function(query)
  local path = "/api/v1/search?q=" .. common.urlencode(query) .. "&limit=" .. limit
  return wrk.format("GET", path, { ["Accept"] = "application/json" })
end)
