#!/usr/bin/env python3
"""Where each trading stage's consumer thread waits and works, from a JFR recording, by the platform code on the stack.

Usage: jfr print --json --stack-depth 128 --events jdk.SocketRead,jdk.JavaMonitorEnter,jdk.ExecutionSample REC.jfr \\
           > events.json
       python3 bench/jfr-stage-waits.py events.json
Blocking socket reads are JDBC round trips (Kafka and Redis clients use non-blocking I/O); monitor enters are
contended locks; execution samples are CPU. Used for PERFORMANCE.md ("What bounds the trading path").
"""
import collections
import json
import re
import sys

STAGES = ['strategy-runner', 'risk-manager.signals', 'paper-trading.signals', 'paper-trading.ticks',
          'portfolio-manager.orders', 'portfolio-manager.ticks']
KINDS = [('jdk.SocketRead', 'database reads (s)'), ('jdk.JavaMonitorEnter', 'lock waits (s)'),
         ('jdk.ExecutionSample', 'CPU samples')]


def seconds(values):
    match = re.match(r'PT(?:(\d+)M)?([\d.]+)S', values.get('duration') or '')
    return int(match.group(1) or 0) * 60 + float(match.group(2)) if match else 0.0


def platform_frames(values):
    frames = (values.get('stackTrace') or {}).get('frames') or []
    ours = [f['method']['type']['name'].split('/')[-1] + '.' + f['method']['name'] for f in frames
            if 'alphapanda' in f['method']['type']['name']]
    return ' < '.join(ours[:2]) or '(no platform frame)'


def main(path):
    events = json.load(open(path))['recording']['events']
    for stage in STAGES:
        for kind, label in KINDS:
            where = collections.Counter()
            for event in events:
                values = event['values']
                thread = (values.get('eventThread') or values.get('sampledThread') or {}).get('javaName') or ''
                if event['type'] == kind and thread.startswith(stage):
                    where[platform_frames(values)] += 1 if kind == 'jdk.ExecutionSample' else seconds(values)
            if where:
                top = '; '.join(f'{name} {amount:.1f}' for name, amount in where.most_common(3))
                print(f'| {stage} | {label} | {sum(where.values()):.1f} | {top} |')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: jfr-stage-waits.py EVENTS.json (see the header of this file)')
    main(sys.argv[1])
