#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go, by thread family and by library on the stack.

Usage: jfr print --json --events jdk.ExecutionSample REC.jfr > samples.json
       python3 bench/jfr-by-thread.py samples.json
Used for PERFORMANCE.md ("What bounds the trading path"). Thread families are recognised by the names Kafka, Spring
Kafka (listener ids) and the bench give their threads.
"""
import collections
import json
import re
import sys

LISTENERS = ['strategy-runner', 'risk-manager.signals', 'risk-manager.ticks', 'paper-trading.signals',
             'paper-trading.ticks', 'paper-trading.commands', 'portfolio-manager.orders', 'portfolio-manager.ticks',
             'liveStream', 'dead-letter-indexer', 'reconciliation.snapshots']
BROKER = ('data-plane-kafka', 'group-coordinator', 'TxnMarker', 'AddPartitions', 'quorum', 'broker-', 'log-',
          'executor-', 'ExpirationReaper', 'transaction-', 'kafka-1-', 'kafka-0-')
LIBRARIES = [('json', 'jackson'), ('jdbc', 'org.postgresql'), ('jdbc', 'zaxxer'), ('redis', 'lettuce'),
             ('kafka producer', 'kafka.clients.producer'), ('kafka consumer', 'kafka.clients.consumer')]


def family(thread):
    if not thread:
        return 'native / GC'
    if thread.startswith(BROKER):
        return 'embedded Kafka broker'
    if thread.startswith(('bench', 'kafka-producer-network-thread | alpha-panda-bench')):
        return 'bench (generator, observer, baseline)'
    if thread.startswith('kafka-producer-network-thread'):
        return 'platform producers (network threads)'
    for name in LISTENERS:
        if thread.startswith(name):
            return 'listener ' + name
    if thread in ('main', 'embedded-server-start', 'background-preinit'):
        return 'start-up'
    if 'lettuce' in thread:
        return 'redis client'
    return 'other: ' + re.sub(r'\d+', 'N', thread)


def library(frames):
    for frame in frames:
        name = frame['method']['type']['name'].replace('/', '.')
        for label, marker in LIBRARIES:
            if marker in name:
                return label
    return 'rest'


def main(path):
    events = json.load(open(path))['recording']['events']
    by_family = collections.Counter()
    libraries = collections.defaultdict(collections.Counter)
    for event in events:
        values = event['values']
        fam = family(values['sampledThread']['javaName'])
        by_family[fam] += 1
        libraries[fam][library(values['stackTrace']['frames'])] += 1
    total = sum(by_family.values())
    print(f'| Thread family | Samples | Share | On the stack (samples) |\n|---|---|---|---|')
    for fam, count in by_family.most_common():
        libs = ', '.join(f'{k} {v}' for k, v in libraries[fam].most_common(5))
        print(f'| {fam.replace("|", "/")} | {count} | {100 * count / total:.1f} % | {libs} |')
    print(f'| total | {total} | 100 % | |')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: jfr-by-thread.py SAMPLES.json (from jfr print --json --events jdk.ExecutionSample)')
    main(sys.argv[1])
