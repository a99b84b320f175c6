-- wrk script for bench/serve-load.sh: POSTs one realistic dossier to the portal's JSON API.
-- The dossier's path comes from the DOSSIER environment variable.
local path = os.getenv("DOSSIER")
local file = assert(io.open(path, "rb"), "cannot open " .. tostring(path))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.path = "/api/v1/check?name=dossier.yaml"
wrk.body = body
wrk.headers["Content-Type"] = "application/yaml"

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, status %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
