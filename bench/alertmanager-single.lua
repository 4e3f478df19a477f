-- wrk script: single-alert Alertmanager v4 payloads with distinct fingerprints.
local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
end

function init(args)
  counter = 0
  -- Optional think time per connection in ms (bench/ingest RATE mode): with C
  -- connections the offered load is about C * 1000 / delay requests per second.
  think_ms = tonumber(args[1]) or 0
end

function delay()
  return think_ms
end

function request()
  counter = counter + 1
  local fingerprint = string.format("%04x%012x", thread_id, counter)
  local body = '{"version":"4","status":"firing","receiver":"bench","groupKey":"{}:{}","truncatedAlerts":0,'
    .. '"alerts":[{"status":"firing","labels":{"alertname":"Bench","instance":"host-' .. fingerprint .. '",'
    .. '"severity":"warning"},"annotations":{"summary":"benchmark alert"},'
    .. '"startsAt":"2026-11-22T03:00:00Z","endsAt":"0001-01-01T00:00:00Z",'
    .. '"generatorURL":"http://prometheus:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1",'
    .. '"fingerprint":"' .. fingerprint .. '"}]}'
  return wrk.format("POST", "/webhook/alertmanager", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in pairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
