-- wrk script for Cairn (scripts/bench-load): many signed-in users, each request as the next user
-- in turn. Reads sessions.txt ("cookie csrf" per line) and ids.txt (entity ids), both written by
-- scripts/bench-load. The mix comes from the environment: CAIRN_MIX=search | reads | writes | mixed.
-- Prints the request count, socket errors, non-2xx answers and latency percentiles at the end.

local sessions, ids = {}, {}
local mix = os.getenv("CAIRN_MIX") or "mixed"
local dir = os.getenv("CAIRN_LOAD_DIR") or "."
local owner = os.getenv("CAIRN_OWNER_ORG") or "1"
local counter = 0

local function lines(path)
  local out = {}
  for line in io.lines(path) do out[#out + 1] = line end
  return out
end

function init(args)
  for _, line in ipairs(lines(dir .. "/sessions.txt")) do
    local cookie, csrf = line:match("^(%S+) (%S+)$")
    sessions[#sessions + 1] = { cookie = cookie, csrf = csrf }
  end
  ids = lines(dir .. "/ids.txt")
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
end

local searches = { "tavern", "car wash", "nail", "smith", "limited", "glasgow", "trading", "services" }

local function search_request(s)
  local q = searches[math.random(#searches)]:gsub(" ", "%%20")
  return wrk.format("GET", "/api/v1/search?q=" .. q, { ["Cookie"] = s.cookie })
end

-- An entity page's reads, a findings page and the task list.
local function read_request(s)
  local pick = math.random(4)
  local path
  if pick == 1 then
    path = "/api/v1/entities/" .. ids[math.random(#ids)]
  elseif pick == 2 then
    path = "/api/v1/entities/" .. ids[math.random(#ids)] .. "/risk"
  elseif pick == 3 then
    path = "/api/v1/findings?limit=50"
  else
    path = "/api/v1/tasks?council_area=Glasgow%20City"
  end
  return wrk.format("GET", path, { ["Cookie"] = s.cookie })
end

local function write_request(s)
  counter = counter + 1
  local body = string.format(
    '{"title":"Load test task %d","description":"Joint visit","strand":"deter","objective":"deter-2",' ..
    '"owner_organisation_id":%s,"harm":3,"likelihood":3,"confidence":3,"due_date":"2027-06-30",' ..
    '"council_area":"Fife"}', counter, owner)
  return wrk.format("POST", "/api/v1/tasks",
    { ["Cookie"] = s.cookie, ["X-CSRF-Token"] = s.csrf, ["Content-Type"] = "application/json" }, body)
end

function request()
  local s = sessions[math.random(#sessions)]
  if mix == "search" then return search_request(s) end
  if mix == "reads" then return read_request(s) end
  if mix == "writes" then return write_request(s) end
  -- mixed: of ten requests, one search, one write and eight other reads
  local pick = math.random(10)
  if pick == 1 then return search_request(s) end
  if pick == 2 then return write_request(s) end
  return read_request(s)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors (socket) connect %d read %d write %d timeout %d, non-2xx %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
