-- Loaded by every scenario: prints the 95th percentile, which wrk's --latency table leaves out.
function done(summary, latency, requests)
    io.write(string.format("p95: %.2fms\n", latency:percentile(95) / 1000))
end
