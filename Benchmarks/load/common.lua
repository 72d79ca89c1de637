-- Shared by healthz.lua, search.lua and suggest.lua (wrk 4.x, LuaJIT / Lua 5.1).
--
-- A script does
--     local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
--     local common = dofile(dir .. "common.lua")
--     common.install("search", function(data) return { list of ready request strings } end)
-- and gets wrk's setup/init/request/response/done:
--   * each thread walks the request list round-robin from its own offset (deterministic, threads not in step),
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

function common.install(name, build)
  local threads = {}
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
    requests = build(common.requests_data())
    assert(#requests > 0, "no requests for " .. name)
    -- Spread the threads over the list (7919 is prime) so they do not send the same query at the same time.
    position = ((thread_id or 0) * 7919) % #requests
    statuses = {}
    samples = {}
  end

  function request()
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
    io.write(string.format(
      "LOTSE_RESULT name=%s requests=%d responses=%d seconds=%.3f rps=%.1f p50_ms=%s p90_ms=%s p99_ms=%s max_ms=%s non2xx=%d socket_errors=%d timeouts=%d statuses=%s\n",
      name, summary.requests, responses, seconds, rps, ms(latency:percentile(50)), ms(latency:percentile(90)),
      ms(latency:percentile(99)), ms(latency.max), non2xx, socket_errors, e.timeout,
      #parts > 0 and table.concat(parts, ",") or "none"))
  end
end

return common
