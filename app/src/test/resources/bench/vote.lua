-- Consultation votes for wrk: participants (tokens from a file, one a line) vote on statements in turn, so each
-- participant's votes are spread in time (the per-participant rate limit stays on); the same participant
-- coming back to a statement changes its vote.
-- args: path, token file, statement ids (comma-separated), first vote number
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
  local k = (first + n) * 2 + tid -- two wrk threads: together they take participants in turn
  local p = k % #tokens
  local s = math.floor(k / #tokens) % #statements
  local body = '{"statementId":' .. statements[s + 1] .. ',"vote":"' .. choices[(k % 3) + 1] .. '"}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["X-Participant-Token"] = tokens[p + 1]}, body)
end
