-- Confirmations for wrk: each thread posts its share of the tokens in a file (one a line).
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
  -- wrk calls request() once on its first thread before the run, to check the script: that thread's first link
  -- is put twice so the check loses none (on the other thread the second is a replay that counts nothing)
  if #tokens > 0 then
    table.insert(tokens, 1, tokens[1])
  end
  n = 0
end

function request()
  n = n + 1
  if n > #tokens then
    n = #tokens -- done: replays of the last link (they count nothing) until LoadTools stops wrk; stopping the thread
                -- here would drop the requests its other connections still have in flight
  end
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, '{"token":"' .. tokens[n] .. '"}')
end
