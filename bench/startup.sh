#!/usr/bin/env bash
# Measures ./alpha-panda run on embedded defaults (warm build, --fresh data each time):
# time from launch to /actuator/health UP, and resident memory of the JVM and of the embedded servers after start.
# Usage: bench/startup.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
TOKEN="startup-bench-token-$RANDOM$RANDOM"
./alpha-panda --version >/dev/null   # builds the jar if needed, so the runs below are warm

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
descendants() { local c; for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
children_rss_kb() { # summed RSS of every descendant process (redis; postgres daemonizes, counted by data dir)
  local total=0 pid
  for pid in $(descendants "$1"); do total=$((total + $(rss_kb "$pid"))); done
  echo "$total"
}

times=(); jvm=(); servers=(); infra=()
for i in $(seq 1 "$RUNS"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  start=$(date +%s%N)
  ./alpha-panda run --fresh --server.port="$port" --alpha-panda.api.bootstrap-token="$TOKEN" \
    > "/tmp/alpha-panda-startup-$i.log" 2>&1 &
  launcher=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$launcher" 2>/dev/null || { echo "run $i failed, see /tmp/alpha-panda-startup-$i.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  sleep 2   # let start-up settle before reading memory
  times+=($(( (end - start) / 1000000 )))
  jvm+=($(( $(rss_kb "$launcher") / 1024 )))
  pgdir=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/actuator/info" | python3 -c 'import json,sys; print(json.load(sys.stdin)["embedded"]["postgres"]["dataDir"])')
  pg_kb=0; for pid in $(pgrep -f -- "$pgdir"); do pg_kb=$((pg_kb + $(rss_kb "$pid"))); done
  servers+=($(( ($(children_rss_kb "$launcher") + pg_kb) / 1024 )))
  infra+=($(grep -o 'Embedded servers started in [0-9]*' "/tmp/alpha-panda-startup-$i.log" | grep -o '[0-9]*$'))
  kill -TERM "$launcher"; wait "$launcher" || true
  echo "run $i: healthy after ${times[-1]} ms (embedded servers ready after ${infra[-1]} ms);" \
       "JVM RSS ${jvm[-1]} MB; embedded PostgreSQL+Redis RSS ${servers[-1]} MB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median over $RUNS runs: healthy after $(median "${times[@]}") ms (of which embedded servers" \
     "$(median "${infra[@]}") ms); JVM RSS $(median "${jvm[@]}") MB;" \
     "embedded PostgreSQL+Redis RSS $(median "${servers[@]}") MB (summed, shared buffers counted per process)"
