#!/usr/bin/env bash
# Hub cold start: time from launching the JVM to /health answering 200, and resident memory once idle.
# Usage: benchmarks/scripts/hub-startup.sh [runs] [idle-seconds]   (builds the hub jar first with ./harpou build;
# HUB_JAR=path measures another jar, such as an earlier build kept for a before/after run; HUB_CDS=1 starts the hub
# as ./harpou hub does, with the class-data archive a first run leaves, made here by one unmeasured run)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="${HUB_JAR:-$ROOT/samples/hub/target/harpou-hub.jar}"
RUNS="${1:-5}"
IDLE="${2:-10}"
[[ -f "$JAR" ]] || { echo "missing $JAR: run ./harpou build" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts the hub with extra JVM options on a fresh data directory; sets pid, data and port, waits for /health 200.
start_hub() {
  data=$(mktemp -d)
  port=$(free_port)
  java ${HARPOU_JAVA_OPTS:-} "$@" -jar "$JAR" --http-port "$port" --data-dir "$data" --wyoming-port 0 \
    >"$data/out.log" 2>&1 &
  pid=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/out.log" >&2; exit 1; }
    sleep 0.02
  done
}

cds=()
if [[ "${HUB_CDS:-0}" == 1 ]]; then
  archive=$(mktemp -u --suffix=.jsa)
  start_hub -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
  [[ -f "$archive" ]] || { echo "no class-data archive was written" >&2; exit 1; }
  cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  echo "class-data archive: $(( $(stat -c %s "$archive") / 1048576 )) MiB"
fi

starts=()
for run in $(seq 1 "$RUNS"); do
  begin=$(date +%s%N)
  start_hub "${cds[@]}"
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
[[ -n "${archive:-}" ]] && rm -f "$archive"
printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print "cold start median: " a[int((NR+1)/2)] " ms, min " a[1] " ms, max " a[NR] " ms over " NR " runs"}'
