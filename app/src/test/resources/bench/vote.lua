-- Consultation votes for wrk: participants (tokens from a file, one a line) vote on statements in turn, so each
-- participant's votes are spread in time (the per-participant rate limit stays on); the same participant
-- coming back to a statement changes its vote.
-- args: path, token file, statement ids (comma-separated), first vote number
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  path = args[1]
  tokens = {}
  for line in io.lines(args[2]) do
    tokens[#tokens + 1] = line
  end
  statements = {}
  for id in string.gmatch(args[3], "[^,]+") do
    statements[#statements + 1] = id
  end
  first = tonumber(args[4])
  choices = {"AGREE", "DISAGREE", "PASS"}
  n = 0
end

function request()
  n = n + 1
  local k = first + n * 8 + tid
  local p = k % #tokens
  local s = math.floor(k / #tokens) % #statements
  local body = '{"statementId":' .. statements[s + 1] .. ',"vote":"' .. choices[(k % 3) + 1] .. '"}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["X-Participant-Token"] = tokens[p + 1]}, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50.0), latency:percentile(99.0), latency.max))
end
