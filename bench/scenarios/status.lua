-- Opens customers' status pages, each connection walking the tracking links in turn, as a browser would (Accept: text/html).
local paths = {}
for line in io.lines(os.getenv("STATUS_PATHS")) do paths[#paths + 1] = line end
local counter = 0

function setup(thread)
    thread:set("offset", counter)
    counter = counter + 1
end

local i = 0
function request()
    i = i + 1
    return wrk.format("GET", paths[((i * 2 + offset) % #paths) + 1], { ["Accept"] = "text/html" })
end
dofile("bench/scenarios/latency.lua")
