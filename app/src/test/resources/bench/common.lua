-- Shared by every benchmark script (LoadTools puts it in front of the script): each wrk thread gets a number,
-- "tid", and the run ends with the one summary line that LoadTools reads.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50.0), latency:percentile(99.0), latency.max))
end
