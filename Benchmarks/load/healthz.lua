-- wrk script: GET /healthz (the baseline: routing, middleware and JSON encoding, no search).
--   wrk -t2 -c50 -d20s -s Benchmarks/load/healthz.lua http://127.0.0.1:8080
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

common.install("healthz", function(_)
  return { wrk.format("GET", "/healthz", { ["Accept"] = "application/json" }) }
end)
