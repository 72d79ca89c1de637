-- wrk script: POST /api/v1/suggest with distinct ticket drafts of ~300 words (drafts.jsonl in LOTSE_TRAFFIC_DIR,
-- default Benchmarks/traffic; one {"subject","description"} object a line, "limit":5 added here). Each wrk thread
-- walks its own slice once (common.install_stream); repeats only after a slice is used up, reported by done().
--   WRK_THREADS=2 wrk -t2 -c50 -d20s -s Benchmarks/load/suggest-traffic.lua http://127.0.0.1:8080
-- Env: WRK_THREADS (= wrk's -t), LOTSE_TRAFFIC_DIR.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

common.install_stream("suggest-traffic", "drafts.jsonl", function(line)
  local body = string.gsub(line, "}%s*$", ',"limit":5}')
  return wrk.format("POST", "/api/v1/suggest", {
    ["Content-Type"] = "application/json; charset=utf-8",
    ["Accept"] = "application/json",
  }, body)
end)
