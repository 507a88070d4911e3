-- Files complaints as the operator.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("OPERATOR_KEY")
wrk.body = '{"customerReference":"bench","product":"Photo Pro","vendorId":"acme","category":"crash","description":"Crashes on start","channel":"App"}'
dofile("bench/scenarios/latency.lua")
