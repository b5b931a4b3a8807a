-- wrk script for bench.sh: adds the bearer token (BENCH_TOKEN) and Accept (BENCH_ACCEPT), replaces {id}
-- in the path with a random id from the file BENCH_IDS (one id a line), {near} with nearLat=...&nearLon=...
-- of a random centre from the file BENCH_CENTRES (one "lat lon" a line) and {tile} with a random z/x/y from
-- the file BENCH_TILES (one a line).
local token = os.getenv("BENCH_TOKEN")
local accept = os.getenv("BENCH_ACCEPT") or "application/json"

local function lines(file)
  local list = {}
  if file and file ~= "" then
    for line in io.lines(file) do list[#list + 1] = line end
  end
  return list
end

local ids = lines(os.getenv("BENCH_IDS"))
local centres = {}
for _, line in ipairs(lines(os.getenv("BENCH_CENTRES"))) do
  local lat, lon = line:match("^(%S+)%s+(%S+)$")
  centres[#centres + 1] = "nearLat=" .. lat .. "&nearLon=" .. lon
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
  if #centres > 0 then path = path:gsub("{near}", centres[math.random(#centres)]) end
  if #tiles > 0 then path = path:gsub("{tile}", tiles[math.random(#tiles)]) end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = accept })
end
