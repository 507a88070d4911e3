-- Hands complaints back and forth: even rounds the store hands each complaint to acme,
-- odd rounds acme hands it back. Each round walks all complaints, so a complaint's previous
-- handoff has long completed when its next one is sent.
local operator, acme = os.getenv("OPERATOR_KEY"), os.getenv("ACME_KEY")
-- ROUTE: where the handoffs go; the benchmark's raw-insert yardstick takes the same requests at its own route.
local route = os.getenv("ROUTE") or "/api/complaints/"
local ids = {}
for line in io.lines(os.getenv("COMPLAINT_IDS")) do ids[#ids + 1] = line end
local counter = 0
-- PACE_MS: each connection waits this long between requests, to offer a steady rate instead of all it can take.
local pace = tonumber(os.getenv("PACE_MS") or "0")

function setup(thread)
    thread:set("offset", counter)
    counter = counter + 1
end

local i = 0
function request()
    local index = ((i * 2 + offset) % #ids) + 1
    local round = math.floor((i * 2 + offset) / #ids)
    i = i + 1
    local from_store = round % 2 == 0
    local headers = {
        ["Content-Type"] = "application/json",
        ["X-Api-Key"] = from_store and operator or acme,
    }
    local body = from_store and '{"to":"acme","reason":"NeedsVendorFix"}' or '{"to":"store","reason":"NeedsStoreAction"}'
    return wrk.format("POST", route .. ids[index] .. "/handoffs", headers, body)
end

dofile("bench/scenarios/latency.lua")

if pace > 0 then
    function delay() return pace end
end
