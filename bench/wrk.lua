-- wrk script for bench.sh: adds the bearer token (BENCH_TOKEN) and Accept (BENCH_ACCEPT), and replaces
-- {id} in the path with a random id from the file BENCH_IDS (one id a line), and {tile} with a random z/x/y
-- from the file BENCH_TILES (one a line).
local token = os.getenv("BENCH_TOKEN")
local accept = os.getenv("BENCH_ACCEPT") or "application/json"
local ids = {}
local idfile = os.getenv("BENCH_IDS")
if idfile and idfile ~= "" then
  for line in io.lines(idfile) do ids[#ids + 1] = line end
end

local tiles = {}
local tilefile = os.getenv("BENCH_TILES")
if tilefile and tilefile ~= "" then
  local f = io.open(tilefile)
  if f then
    f:close()
    for line in io.lines(tilefile) do tiles[#tiles + 1] = line end
  end
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
end

request = function()
  local path = wrk.path
  if #ids > 0 then path = path:gsub("{id}", ids[math.random(#ids)]) end
  if #tiles > 0 then path = path:gsub("{tile}", tiles[math.random(#tiles)]) end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = accept })
end
