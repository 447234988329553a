-- Petition signatures for wrk: every request a new email from a new address (X-Forwarded-For, as behind a
-- load balancer), so the default rate limits per IP and per /24 stay on and are not hit.
-- args: path, email prefix, first address number
function init(args)
  path, prefix, first = args[1], args[2], tonumber(args[3])
  n = 0
end

local function address(k)
  return "100." .. (64 + k % 64) .. "." .. (math.floor(k / 64) % 256) .. "." .. (1 + math.floor(k / 16384) % 250)
end

function request()
  n = n + 1
  local k = (first + n) * 2 + tid -- two wrk threads: every request its own address
  local body = '{"name":"Bench Signer","email":"' .. prefix .. "-" .. tid .. "-" .. n .. '@example.org","region":"Region '
      .. (n % 24) .. '","consent":true}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address(k)}, body)
end
