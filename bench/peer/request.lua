-- wrk script for the peer benchmark: one request, described by the environment, repeated.
--   WRK_METHOD  GET or POST (default GET)
--   WRK_AUTH    the whole Authorization header value, e.g. "Bearer eyJ..." or "Basic Y2xp..." (optional)
--   WRK_TYPE    Content-Type of the body (optional)
--   WRK_BODY    the request body (optional)
-- done() prints one RESULT line that run.sh reads; non-2xx/3xx answers and socket errors count as errors.
wrk.method = os.getenv("WRK_METHOD") or "GET"
local auth = os.getenv("WRK_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
local ctype = os.getenv("WRK_TYPE")
if ctype and ctype ~= "" then wrk.headers["Content-Type"] = ctype end
local body = os.getenv("WRK_BODY")
if body and body ~= "" then wrk.body = body end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
