#!/usr/bin/env bash
# Hub cold start: time from launching the JVM to /health answering 200, and resident memory once idle.
# Usage: benchmarks/scripts/hub-startup.sh [runs] [idle-seconds]   (builds the hub jar first with ./harpou build;
# HUB_JAR=path measures another jar, such as an earlier build kept for a before/after run)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${HUB_JAR:-$ROOT/samples/hub/target/harpou-hub.jar}"
RUNS="${1:-5}"
IDLE="${2:-10}"
[[ -f "$JAR" ]] || { echo "missing $JAR: run ./harpou build" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

starts=()
for run in $(seq 1 "$RUNS"); do
  data=$(mktemp -d)
  port=$(free_port)
  begin=$(date +%s%N)
  java ${HARPOU_JAVA_OPTS:-} -jar "$JAR" --http-port "$port" --data-dir "$data" --wyoming-port 0 >"$data/out.log" 2>&1 &
  pid=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/out.log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - begin) / 1000000 ))
  starts+=("$ms")
  if [[ "$run" == "$RUNS" ]]; then
    sleep "$IDLE"
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    echo "resident memory after ${IDLE}s idle: $((rss / 1024)) MiB"
  fi
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
  echo "run $run: /health 200 after $ms ms"
done
printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print "cold start median: " a[int((NR+1)/2)] " ms, min " a[1] " ms, max " a[NR] " ms over " NR " runs"}'
