#!/usr/bin/env bash
# Reliability trials against a packaged service on H2 (issue 12): fuzz corpus, kill -9 during an
# import, concurrent readers, same-dataset races. Figures go to stdout; copy them to
# docs/reliability.md with the machine's load. Needs: a package build (./mvnw -B -ntp package
# -DskipTests), test classes (./mvnw -B -ntp test-compile), curl, java 17.
#
#   src/bench/reliability/reliability.sh [fuzz|kill|readers|races|all] [PORT]
#
# Every trial runs its own service on PORT (default 18103) with a fresh data folder under
# target/reliability, and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../../.."
WHAT=${1:-all}
PORT=${2:-18103}
BASE="http://localhost:$PORT"
TOKEN=reliability-token
WORK=./target/reliability
SEED=${SEED:-20261130}
mkdir -p "$WORK"
SERVICE_PID=

start() { # data folder
  MILITREND_EDITOR_TOKEN=$TOKEN MILITREND_DATA_DIR="$1" QUARKUS_HTTP_PORT=$PORT \
    java -Xmx512m -jar "${APP:-target/quarkus-app}/quarkus-run.jar" >>"$1.log" 2>&1 &
  SERVICE_PID=$!
}
ready_within() { # seconds; prints the seconds it took
  local t0=$SECONDS
  while (( SECONDS - t0 < $1 )); do
    if curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null; then echo $((SECONDS - t0)); return 0; fi
    sleep 1
  done
  echo "not-ready"; return 1
}
stop() { if [[ -n "$SERVICE_PID" ]]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=; fi; }
trap stop EXIT
total() { curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/incidents?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/'; }
import() { # file format dataset -> http code
  curl -s -o "$WORK/last-answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary @"$1" "$BASE/api/v1/imports?format=$2&dataset=$3"
}

fuzz() {
  local data="$WORK/fuzz-data" corpus="$WORK/fuzz-corpus"
  rm -rf "$data" "$corpus"
  java src/bench/GenerateIncidents.java 80 "$WORK/native-80.csv" >/dev/null
  java -cp target/test-classes org.militrend.ingest.FuzzCorpus "$SEED" "${FUZZ_FILES:-400}" \
    "$WORK/native-80.csv" "../shared/data/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv" "$corpus"
  start "$data"; ready_within 120 >/dev/null
  local before inserted=0 n=0 refused=0 fivexx=0 code
  before=$(total)
  for f in "$corpus"/*.csv; do
    local format=${f%.csv}; format=${format##*.}
    code=$(import "$f" "$format" "fuzz-$format")
    n=$((n + 1))
    case $code in
      201) inserted=$((inserted + $(sed -E 's/.*"inserted":([0-9]+).*/\1/' "$WORK/last-answer.json"))) ;;
      5*) fivexx=$((fivexx + 1)); echo "5xx: $f $(head -c 300 "$WORK/last-answer.json")" ;;
      *) refused=$((refused + 1)) ;;
    esac
  done
  local after; after=$(total)
  echo "fuzz: $n files, $fivexx x 5xx, $refused refused, count $before -> $after (accepted files inserted $inserted)," \
    "unchanged by refused files: $([[ $after -eq $((before + inserted)) ]] && echo yes || echo NO)"
  echo "spool folder after fuzz: $(ls "$data/spool" 2>/dev/null | wc -l) files"
  stop
}

kill_trials() {
  local rows=${KILL_ROWS:-300000} trials=${KILL_TRIALS:-10}
  [[ -f "$WORK/native-$rows.csv" ]] || java src/bench/GenerateIncidents.java "$rows" "$WORK/native-$rows.csv" >/dev/null
  for i in $(seq 1 "$trials"); do
    local data="$WORK/kill-$i"; rm -rf "$data" "$data.log"
    start "$data"; ready_within 180 >/dev/null
    local before; before=$(total)
    import "$WORK/native-$rows.csv" native big >/dev/null &
    local client=$!
    sleep $((5 + RANDOM % 40))
    kill -9 "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=
    wait "$client" 2>/dev/null || true
    local size; size=$(du -m "$data/militrend.mv.db" | cut -f1)
    start "$data"
    local took; took=$(ready_within 60 || true)
    [[ "$took" == not-ready ]] && took="$(ready_within 600 || true) (over 60)"
    local after state
    after=$(total 2>/dev/null || echo "?")
    state=$(curl -fsS "$BASE/api/v1/imports?size=1" 2>/dev/null | sed -E 's/.*"state":"([a-z]+)".*/\1/' || echo "?")
    local verdict=NO; [[ "$after" == "$before" || "$after" == $((before + rows)) ]] && verdict=yes
    echo "kill $i: file ${size} MB at kill, ready after ${took} s, incidents $before -> $after (all-or-nothing: $verdict), history: $state"
    stop
  done
}

readers() {
  local data="$WORK/readers"; rm -rf "$data"
  start "$data"; ready_within 120 >/dev/null
  import "../shared/data/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv" pbc-suicide pbc >/dev/null
  local end=$((SECONDS + ${READ_SECONDS:-60}))
  seq 1 50 | xargs -P 50 -I{} bash -c "n=0; e=0; while (( SECONDS < $end )); do \
      y=\$((2000 + RANDOM % 17)); c=\$(curl -s -o /dev/null -w '%{http_code}' \
      '$BASE/api/v1/aggregates?groupBy=district,month&from='\$y'-01-01&to=2017-12-31'); \
      n=\$((n+1)); [[ \$c == 200 ]] || e=\$((e+1)); done; echo \$n \$e" >"$WORK/readers.out"
  awk -v s="${READ_SECONDS:-60}" '{n+=$1; e+=$2} END {printf "readers: 50 clients x %d s: %d requests, %d errors, %.1f req/s\n", s, n, e, n/s}' "$WORK/readers.out"
  stop
}

races() {
  local data="$WORK/races"; rm -rf "$data"
  start "$data"; ready_within 120 >/dev/null
  java src/bench/GenerateIncidents.java 500 "$WORK/native-500.csv" >/dev/null
  local bad=0
  for r in $(seq 1 20); do
    import "$WORK/native-500.csv" native "race-$r" >"$WORK/race-a.code" &
    local b; b=$(import "$WORK/native-500.csv" native "race-$r"); wait
    local a; a=$(cat "$WORK/race-a.code")
    local n; n=$(curl -fsS "$BASE/api/v1/incidents?dataset=race-$r&size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
    [[ "$a" == 201 && "$b" == 201 && "$n" == 500 ]] || { bad=$((bad + 1)); echo "round $r: answers $a $b, $n rows"; }
  done
  echo "races: 20 rounds of the same file twice at once into a new dataset, $bad bad rounds"
  stop
}

case $WHAT in
  fuzz) fuzz ;; kill) kill_trials ;; readers) readers ;; races) races ;;
  all) fuzz; kill_trials; readers; races ;;
  *) echo "usage: $0 [fuzz|kill|readers|races|all] [PORT]"; exit 2 ;;
esac
