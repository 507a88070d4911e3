#!/usr/bin/env python3
"""Where a service's CPU goes, by kind of work: reads `perf script -F comm,tid,ip,sym,dso` of a `perf record -g` of the
service (started with DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0, so the JIT's code has names) and
counts each sample once, for the first category below found on its stack (the thread's name counts as a frame).
Usage: perf script -i perf.data -F comm,tid,ip,sym,dso | bench/perf-categories.py [CPU ms per request]"""
import collections
import re
import sys

CATEGORIES = [  # checked in this order
    ('garbage collector (its threads)', r'^thread \.NET (Server GC|BGC)'),
    ('zeroing new memory, page faults', r'memset|exc_page_fault'),
    ('log line: console writer thread', r'^thread Console logger'),
    ('log line: request thread', r'ConsoleLogger::Log|RequestLog::Answered'),
    ('list: parsing rows (JsonDocument.Parse)', r'JsonDocument::Parse'),
    ('list: reading clocks into objects', r'JsonConverter`1\[System.__Canon\]::ReadCore|StoredClocks::'),
    ('list: time held and clock views', r'ComplaintView::TimeHeldOf|ClockView::Of|HolderClock::TimeHeld'),
    ('list: serializing views (System.Text.Json)', r'JsonSerializer::Serialize'),
    ('list: finding properties', r'TryGetNamedPropertyValue'),
    ('list: copying values', r'ListItemJson::(Copy|CopyObject|WriteParty|WriteTimeHeld|WriteClocks)'),
    ('list: rest of writing items', r'ListItemJson'),
    ('list: reading rows as bytes (ListRows)', r'ListRows\+Query'),
    ('Npgsql: rows as text', r'StringBasedTextConverter|ScalarStringSelectClause'),
    ('Marten: documents (the parties)', r'Weasel.Storage|Marten.Internal.Storage'),
    ('API key authentication', r'ApiKeyAuthenticationHandler'),
    ('FastEndpoints binding and validation', r'RequestBinder|FluentValidation|ValidateAsync|BindAsync'),
    ('kernel: sockets', r'tcp_sendmsg|tcp_recvmsg|sock_|__libc_recv|__send|epoll'),
    ('JIT', r'libclrjit|^thread \.NET Tiered'),
]

def samples(lines):
    stack, thread = [], ''
    for line in lines:
        if not line.strip() or not line.startswith((' ', '\t')):
            if stack:
                yield stack + ['thread ' + thread]
            stack = []
            if line.strip():
                thread = re.sub(r'\s*\d+\s*$', '', line.strip())
            continue
        parts = line.strip().split(' ', 1)
        if len(parts) == 2:
            stack.append(parts[1])
    if stack:
        yield stack + ['thread ' + thread]

counts, total = collections.Counter(), 0
patterns = [(name, re.compile(pattern)) for name, pattern in CATEGORIES]
for stack in samples(sys.stdin):
    total += 1
    counts[next((name for name, p in patterns if any(p.search(frame) for frame in stack)),
                'other: Kestrel, middleware, Npgsql protocol, runtime')] += 1
per_request = float(sys.argv[1]) if len(sys.argv) > 1 else None
print(f'| work | share of {total} samples |' + (' ms per request |' if per_request else ''))
print('| --- | ---: |' + (' ---: |' if per_request else ''))
for name, count in counts.most_common():
    print(f'| {name} | {100 * count / total:.1f}% |' + (f' {per_request * count / total:.3f} |' if per_request else ''))
