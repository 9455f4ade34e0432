-- wrk script: POST /tokens (create an API token: sign, record in the registry, answer 201).
-- Environment: SESSION (a session bearer token).
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SESSION")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"bench","expires_in_days":1}'

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
