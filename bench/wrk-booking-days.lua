-- Like bench/wrk-booking.lua, but the day varies fastest (then AM/PM, then the desk), so consecutive requests
-- take different (partner, day, half) locks: the same bookings without the one shared lock of the desk-booking
-- line. Not in bench.sh's list; run by hand beside it (bench/README.md, "Desk booking"). Combinations stay
-- distinct for the first 146,000 requests.
local token = os.getenv("BENCH_TOKEN")
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
local day0 = tonumber(os.getenv("BENCH_DAY0"))

local desks = {}
for line in io.lines(os.getenv("BENCH_DESKS")) do desks[#desks + 1] = line end

local next_thread = 0
function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

local counter = 0

request = function()
  local k = counter * threads + tid
  counter = counter + 1
  -- days vary fastest: consecutive requests take different (partner, day) locks
  local desk = desks[(math.floor(k / 730) % #desks) + 1]
  local rest = k % 730
  local slot = (rest < 365) and "AM" or "PM"
  local day = os.date("!%Y-%m-%d", day0 + (rest % 365) * 86400)
  local body = '{"deskId":"' .. desk .. '","on":"' .. day .. '","slot":"' .. slot .. '"}'
  return wrk.format("POST", wrk.path, {
    ["Authorization"] = "Bearer " .. token,
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/json"
  }, body)
end
