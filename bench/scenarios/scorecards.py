"""Driver of bench/bench-scorecards.sh: projection catch-up, scorecard latency, projection lag under writes."""
import argparse, json, statistics, subprocess, threading, time, urllib.error, urllib.request

parser = argparse.ArgumentParser()
for name in ["base", "key", "schema", "results"]:
    parser.add_argument("--" + name, required=True)
for name in ["cases", "import-seconds", "write-seconds"]:
    parser.add_argument("--" + name, type=float, required=True)
parser.add_argument("--grow-to", type=int, default=0, help="complaints to grow the scorecards to by SQL before the reads")
args = parser.parse_args()


def sql(query):
    return subprocess.run(["psql", "-qAt", "-c", query], check=True, capture_output=True, text=True).stdout.strip()


def positions():
    """The newest event's sequence and how far the scorecard projection has got."""
    high, done = sql(f"select (select coalesce(max(seq_id), 0) from {args.schema}.mt_events), "
                     f"(select coalesce(max(last_seq_id), 0) from {args.schema}.mt_event_progression where name like 'Scorecard%')").split("|")
    return int(high), int(done)


def call(path, body=None):
    request = urllib.request.Request(args.base + path, data=None if body is None else json.dumps(body).encode(),
                                     headers={"X-Api-Key": args.key} | ({} if body is None else {"Content-Type": "application/json"}))
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{path}: {error.code} {error.read().decode()[:500]}")


for _ in range(120):
    try:
        urllib.request.urlopen(args.base + "/health/live", timeout=2); break
    except Exception:
        time.sleep(1)

# 1. The daemon builds the scorecards of the imported history from nothing.
started = time.time()
while True:
    high, done = positions()
    if done >= high > 0:
        break
    time.sleep(0.5)
catch_up = time.time() - started
events = int(sql(f"select count(*) from {args.schema}.mt_events"))

# 1b. Optionally, the scorecards of a bigger tenant: twins of every complaint, written by SQL (bench/lib/grow-scorecards.sql).
copies = max(0, -(-args.grow_to // int(args.cases)) - 1)
grow_seconds = 0.0
if copies:
    started = time.time()
    subprocess.run(["psql", "-qAt", "-v", "ON_ERROR_STOP=1", "-v", f"schema={args.schema}", "-v", f"copies={copies}",
                    "-f", "bench/lib/grow-scorecards.sql"], check=True, capture_output=True, text=True)
    grow_seconds = time.time() - started
facts = int(sql(f"select count(*) from {args.schema}.scorecard_facts"))
holds = int(sql(f"select count(*) from {args.schema}.scorecard_holds"))

# 2. Latency of the endpoints, each call after the previous one (the machine has 2 cores).
last = sql(f"select max(at) from {args.schema}.scorecard_facts")[:10]
month_from = sql(f"select (max(at) - interval '30 days')::date from {args.schema}.scorecard_facts")
queries = [
    ("parties, whole history", "/api/scorecards/parties"),
    ("parties, last 30 days", f"/api/scorecards/parties?from={month_from}T00:00:00Z"),
    ("parties, one party, whole history", "/api/scorecards/parties?party=team-7"),
    ("parties, one product, whole history", "/api/scorecards/parties?product=Product%2042"),
    ("parties as CSV, whole history", "/api/scorecards/parties?format=csv"),
    ("products, whole history", "/api/scorecards/products"),
    ("products, last 30 days", f"/api/scorecards/products?from={month_from}T00:00:00Z"),
]
latency = []
for name, path in queries:
    for _ in range(5):
        call(path)
    times = []
    for _ in range(100):
        t = time.perf_counter(); call(path); times.append((time.perf_counter() - t) * 1000)
    times.sort()
    latency.append((name, statistics.median(times), times[98], times[-1]))

# 3. Lag: write about 1,000 events/s through the import endpoint while sampling the projection's position.
mapping = {"caseId": "ticket", "timestamp": "updated", "timestampFormat": "yyyy-MM-dd HH:mm", "party": "team", "status": "state",
           "product": "product", "category": "category"}
samples, written, stop = [], [0], threading.Event()


def sampler():
    while not stop.is_set():
        high, done = positions()
        samples.append((time.time(), high, done))
        time.sleep(0.1)


def writer():
    batch, start, case = 0, time.time(), 0
    while time.time() - start < args.write_seconds:
        rows = ["ticket,updated,team,state,product,category"]
        for _ in range(20):
            case += 1
            rows += [f"LIVE-{case:07d},2025-01-0{1 + step} 10:00,{team},{state},Product {case % 200},Category {case % 12}"
                     for step, (team, state) in enumerate([("Desk", "New"), ("Team 1", "Active"), ("Team 2", "Active"), ("Desk", "Active"), ("Desk", "Resolved")])]
        report = json.loads(call("/api/imports", {"source": "live", "mapping": mapping, "csv": "\n".join(rows)}))
        written[0] += report["eventsWritten"]
        ahead = written[0] / 1000.0 - (time.time() - start)
        if ahead > 0:
            time.sleep(ahead)
        batch += 1
    stop.set()


threads = [threading.Thread(target=sampler), threading.Thread(target=writer)]
write_start = time.time()
for t in threads: t.start()
threads[1].join()
write_seconds = time.time() - write_start
while positions()[1] < positions()[0]:
    samples.append((time.time(), *positions())); time.sleep(0.1)
samples.append((time.time(), *positions()))
threads[0].join()
lags = []
for i, (t, high, _) in enumerate(samples):
    caught = next((u for (u, _, done) in samples[i:] if done >= high), None)
    if caught is not None:
        lags.append(caught - t)
lags.sort()

grown = (f", grown by SQL to {int(args.cases) * (copies + 1):,} complaints' scorecards in {grow_seconds:.0f} s before the reads"
         if copies else "")
lines = [
    f"Scorecards with {int(args.cases):,} imported complaints ({events:,} events{grown}; {facts:,} fact rows, {holds:,} hold rows); "
    f"service, daemon and PostgreSQL on one 2-core machine shared with other work, so figures are noisy.",
    "",
    "| measure | value |",
    "| --- | --- |",
    f"| import of the history (command line) | {args.import_seconds:.0f} s |",
    f"| daemon builds the scorecards from nothing | {catch_up:.0f} s ({events / max(catch_up, 1e-9):,.0f} events/s) |",
]
lines += [f"| {name} | p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {worst:.0f} ms (100 calls) |" for name, p50, p99, worst in latency]
lines += [
    f"| writes during the lag test | {written[0]:,} events in {write_seconds:.0f} s ({written[0] / write_seconds:,.0f} events/s) |",
    f"| projection lag while writing | p50 {statistics.median(lags):.2f} s, p99 {lags[int(len(lags) * 0.99) - 1]:.2f} s, max {lags[-1]:.2f} s ({len(lags)} samples) |",
]
table = "\n".join(lines)
print(table)
with open(args.results, "w") as f:
    f.write(table + "\n")
