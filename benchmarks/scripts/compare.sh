#!/usr/bin/env bash
# Before/after comparison: runs the hot-path figures for each given tree in turn, twice (A B A B), so both see the
# same machine. Each tree needs benchmarks/target/benchmarks.jar (mvn -pl benchmarks -am package -DskipTests).
# Usage: benchmarks/scripts/compare.sh OUTDIR label1=tree1 label2=tree2 ...   (needs wrk; results in OUTDIR)
set -u
OUT=$1; shift
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$OUT"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

http_run() { # label jar: the interpreter fast path over HTTP, 25 s of warm-up then 10 s measured
  local label=$1 jar=$2 port vh hub url=""
  port=$(free_port)
  java -cp "$jar" io.harpou.testkit.ha.VirtualHomeMain --port "$port" --token T >"$OUT/vh-$label.log" 2>&1 & vh=$!
  sleep 4
  HARPOU_HA_URL=http://127.0.0.1:$port HARPOU_HA_TOKEN=T \
    java -cp "$jar" io.harpou.benchmarks.http.HttpApiHarness serve >"$OUT/hub-$label.log" 2>&1 & hub=$!
  for _ in $(seq 1 100); do
    url=$(grep -o 'HARPOU_URL=.*' "$OUT/hub-$label.log" | cut -d= -f2); [ -n "$url" ] && break; sleep 0.3
  done
  wrk -t2 -c16 -d25s -s "$HERE/post.lua" "$url/api/conversation/process" >/dev/null
  wrk -t2 -c16 -d10s --latency -s "$HERE/post.lua" "$url/api/conversation/process" >"$OUT/wrk-$label.txt"
  kill $hub $vh; wait $hub $vh 2>/dev/null
}

for round in 1 2; do
  for spec in "$@"; do
    label=${spec%%=*}; jar=${spec#*=}/benchmarks/target/benchmarks.jar; tag=$label-r$round
    echo "== $tag $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)" >>"$OUT/progress"
    http_run "$tag" "$jar"
    java -cp "$jar" io.harpou.benchmarks.ha.HaClientHarness 5000 20 2000 >"$OUT/ha-$tag.txt" 2>&1
    java -jar "$jar" 'AgentTurnBenchmark.(loopStep|interpreterTurn)' -f 1 -wi 3 -i 5 -w 2s -r 3s >"$OUT/agent-$tag.txt" 2>&1
    java -cp "$jar" io.harpou.benchmarks.voice.SatelliteLoadHarness 100 10 >"$OUT/sat-$tag.txt" 2>&1
    java -cp "$jar" io.harpou.benchmarks.voice.VoiceTurnHarness fake 1000 >"$OUT/voice-$tag.txt" 2>&1
    java -jar "$jar" 'IntentMatchBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 2s >"$OUT/intent-$tag.txt" 2>&1
  done
done
echo "done $(date +%T)" >>"$OUT/progress"
