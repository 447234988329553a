-- Confirmations for wrk: each thread posts its share of the tokens in a file (one a line), then stops.
-- args: path, token file, thread count
function init(args)
  path = args[1]
  local count = tonumber(args[3])
  tokens = {}
  local i = 0
  for line in io.lines(args[2]) do
    if i % count == tid then
      tokens[#tokens + 1] = line
    end
    i = i + 1
  end
  n = 0
end

function request()
  n = n + 1
  if n > #tokens then
    wrk.thread:stop()
    n = #tokens -- a replay while the thread stops: counts nothing
  end
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, '{"token":"' .. tokens[n] .. '"}')
end
