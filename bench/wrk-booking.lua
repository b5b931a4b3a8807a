-- wrk script for bench.sh's desk-booking line: POSTs bookings of distinct desk / day / half-day
-- combinations, so every request is a booking that succeeds (a 409 would show as non-2xx). Request i of
-- thread t books combination i * BENCH_THREADS + t: desk (k mod desks), then AM or PM, then the day
-- BENCH_DAY0 (epoch seconds of a UTC midnight) plus k div (2 * desks) days. bench.sh deletes the bench
-- workspace's bookings before each run, so runs never collide with earlier ones.
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
  local desk = desks[(k % #desks) + 1]
  local rest = math.floor(k / #desks)
  local slot = (rest % 2 == 0) and "AM" or "PM"
  local day = os.date("!%Y-%m-%d", day0 + math.floor(rest / 2) * 86400)
  local body = '{"deskId":"' .. desk .. '","on":"' .. day .. '","slot":"' .. slot .. '"}'
  return wrk.format("POST", wrk.path, {
    ["Authorization"] = "Bearer " .. token,
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/json"
  }, body)
end
