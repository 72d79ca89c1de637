-- Shared by healthz.lua, search.lua and suggest.lua (wrk 4.x, LuaJIT / Lua 5.1).
--
-- A script does
--     local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
--     local common = dofile(dir .. "common.lua")
--     common.install("search", function(data) return { list of ready request strings } end)
-- (the cached mix: a short list in rotation) or
--     common.install_stream("search-traffic", "queries.txt", function(line) return ready request string end)
-- (distinct traffic) and gets wrk's setup/init/request/response/done:
--   * install: each thread walks the request list round-robin from its own offset (deterministic, threads not
--     in step),
--   * install_stream: thread t of WRK_THREADS (env, default 2; must match wrk's -t) takes the t-th of
--     WRK_THREADS equal slices of a stream file (one request per line, in LOTSE_TRAFFIC_DIR, default
--     Benchmarks/traffic) and walks it once in order; only when its slice is used up does it start over, and
--     every request after that counts as a repeat (done() reports distinct requests, repeats and their share;
--     wrk's Lua API has threads, not connections, so slices are per thread: no request repeats anywhere
--     until a slice wraps),
--   * every response's status is counted per thread (so 1xx/3xx count as non-2xx too, unlike wrk's own
--     "Non-2xx or 3xx responses", which only counts >= 400), with the first few non-2xx bodies kept,
--   * done() prints req/s, p50/p90/p99/max latency, status codes, non-2xx, socket errors and one
--     machine-readable "LOTSE_RESULT ..." line (run.sh and reload.sh parse it).

local common = {}

common.dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"

-- RFC 3986 percent-encoding of a UTF-8 string, byte by byte: only the unreserved set stays literal
-- (explicit ASCII ranges, not %w, which would depend on the C locale). "ü" -> "%C3%BC", " " -> "%20".
function common.urlencode(text)
  return (string.gsub(text, "[^A-Za-z0-9%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function common.requests_data()
  return dofile(common.dir .. "requests.lua")
end

local function env_number(name, default)
  local value = tonumber(os.getenv(name) or "")
  return value or default
end
common.env_number = env_number

function common.install(name, build, is_stream)
  local threads = {}
  stream = is_stream or false
  local counter = 0

  -- Runs in the main Lua state, once per thread, before the threads start.
  function setup(thread)
    thread:set("thread_id", counter)
    counter = counter + 1
    table.insert(threads, thread)
  end

  local requests, position
  -- Runs in each thread's Lua state (after wrk.init has set wrk.headers.Host).
  function init(args)
    statuses = {}
    samples = {}
    sent = 0
    if stream then
      requests = build()
      slice = #requests
      position = 0
      return
    end
    requests = build(common.requests_data())
    assert(#requests > 0, "no requests for " .. name)
    -- Spread the threads over the list (7919 is prime) so they do not send the same query at the same time.
    position = ((thread_id or 0) * 7919) % #requests
  end

  function request()
    sent = sent + 1
    position = position % #requests + 1
    return requests[position]
  end

  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    if (status < 200 or status > 299) and #samples < 3 then
      table.insert(samples, tostring(status) .. " " .. string.sub(body or "", 1, 300))
    end
  end

  -- Runs in the main Lua state after the run. Latency values are microseconds.
  function done(summary, latency, _)
    local total = {}
    local bodies = {}
    for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
        total[status] = (total[status] or 0) + count
      end
      for _, sample in ipairs(thread:get("samples") or {}) do
        if #bodies < 5 then table.insert(bodies, sample) end
      end
    end
    local distinct, repeats = 0, 0
    if stream then
      for _, thread in ipairs(threads) do
        local sent, slice = thread:get("sent") or 0, thread:get("slice") or 0
        distinct = distinct + math.min(sent, slice)
        repeats = repeats + math.max(0, sent - slice)
      end
    end
    local codes, non2xx, responses = {}, 0, 0
    for status, count in pairs(total) do
      table.insert(codes, status)
      responses = responses + count
      if status < 200 or status > 299 then non2xx = non2xx + count end
    end
    table.sort(codes)
    local parts = {}
    for _, status in ipairs(codes) do table.insert(parts, status .. ":" .. total[status]) end
    local e = summary.errors
    local socket_errors = e.connect + e.read + e.write + e.timeout
    local seconds = summary.duration / 1e6
    local rps = summary.requests / seconds
    local function ms(us) return string.format("%.2f", us / 1000) end

    io.write(string.format("--- %s: %d requests in %.1f s ---\n", name, summary.requests, seconds))
    io.write(string.format("  requests/s:   %.1f\n", rps))
    io.write(string.format("  latency:      p50 %s ms, p90 %s ms, p99 %s ms, max %s ms\n",
      ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max)))
    io.write(string.format("  status codes: %s\n", #parts > 0 and table.concat(parts, ", ") or "(none)"))
    io.write(string.format("  non-2xx:      %d\n", non2xx))
    io.write(string.format("  socket errors: connect %d, read %d, write %d, timeout %d\n", e.connect, e.read, e.write, e.timeout))
    for _, sample in ipairs(bodies) do io.write("  non-2xx sample: " .. sample .. "\n") end
    local repeat_share = (distinct + repeats) > 0 and 100 * repeats / (distinct + repeats) or 0
    if stream then
      io.write(string.format("  stream:       %d distinct requests sent, %d repeats (%.1f%%) after a thread's slice wrapped\n",
        distinct, repeats, repeat_share))
    end
    io.write(string.format(
      "LOTSE_RESULT name=%s requests=%d responses=%d seconds=%.3f rps=%.1f p50_ms=%s p90_ms=%s p99_ms=%s max_ms=%s non2xx=%d socket_errors=%d timeouts=%d statuses=%s distinct=%d repeats=%d repeat_pct=%.1f\n",
      name, summary.requests, responses, seconds, rps, ms(latency:percentile(50)), ms(latency:percentile(90)),
      ms(latency:percentile(99)), ms(latency.max), non2xx, socket_errors, e.timeout,
      #parts > 0 and table.concat(parts, ",") or "none", distinct, repeats, repeat_share))
  end
end

-- The directory of the traffic stream files (queries.txt, drafts.jsonl): LOTSE_TRAFFIC_DIR or Benchmarks/traffic.
function common.traffic_dir()
  local dir = os.getenv("LOTSE_TRAFFIC_DIR")
  if dir == nil or dir == "" then dir = common.dir .. "../traffic" end
  return dir
end

-- Distinct traffic: this thread's slice of the lines of `file` (in common.traffic_dir()), each turned into a
-- ready request by `format(line)`. Thread t of n (n = env WRK_THREADS, default 2) gets lines
-- floor(t * total / n) + 1 … floor((t + 1) * total / n).
function common.install_stream(name, file, format)
  common.install(name, function()
    local path = common.traffic_dir() .. "/" .. file
    local handle = assert(io.open(path, "rb"), "cannot open " .. path .. " (python3 Benchmarks/load/make_traffic.py)")
    local lines = {}
    for line in handle:lines() do
      if line ~= "" then table.insert(lines, line) end
    end
    handle:close()
    local count = math.max(1, math.floor(env_number("WRK_THREADS", 2)))
    local index = (thread_id or 0) % count
    local first = math.floor(index * #lines / count) + 1
    local last = math.floor((index + 1) * #lines / count)
    local list = {}
    for i = first, last do table.insert(list, format(lines[i])) end
    assert(#list > 0, "no requests for " .. name .. " in " .. path)
    return list
  end, true)
end

return common
