-- wrk script: POST /api/v1/suggest with the judged ticket drafts (requests.lua: ready JSON bodies,
-- {"subject","description","limit":5}).
--   wrk -t2 -c50 -d20s -s Benchmarks/load/suggest.lua http://127.0.0.1:8080
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

common.install("suggest", function(data)
  local list = {}
  for _, body in ipairs(data.suggest) do
    table.insert(list, wrk.format("POST", "/api/v1/suggest", {
      ["Content-Type"] = "application/json; charset=utf-8",
      ["Accept"] = "application/json",
    }, body))
  end
  return list
end)
