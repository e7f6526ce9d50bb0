#!/usr/bin/env bash
# Reliability trials against the packaged service (issue 12), on H2 and on PostgreSQL: fuzz
# corpus, kill -9 during a large import, concurrent readers, same-dataset races, and the H2 file's
# growth during a large import. Figures go to stdout with the machine's load average; copy them
# to docs/reliability.md.
#
#   src/bench/reliability/reliability.sh [build|fuzz|kill|readers|races|growth|all] [PORT]
#
# DBS="h2 postgres" (default) chooses the databases. Needs: test classes (./mvnw -B -ntp
# test-compile, for the fuzz corpus), curl, java 17, and for PostgreSQL its server binaries
# (PGBIN, default /usr/lib/postgresql/15/bin). `build` (run by every trial when missing) packages
# the service twice, for H2 and with -Dquarkus.profile=postgres, into target/reliability/app-h2
# and app-pg (MVN_ARGS=-o for an offline build); it leaves target/quarkus-app as the H2 build.
# Every trial runs its own service on PORT (default 18103) with a fresh data folder under
# target/reliability (a fresh database on the PostgreSQL server of its own, port PG_PORT, default
# PORT + 37000), and stops it at the end. The service runs under a supervisor loop that restarts
# it whenever it exits, as a container's restart policy would.
set -euo pipefail
cd "$(dirname "$0")/../../.."
WHAT=${1:-all}
PORT=${2:-18103}
PG_PORT=${PG_PORT:-$((PORT + 37000))}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DBS=${DBS:-h2 postgres}
BASE="http://localhost:$PORT"
TOKEN=reliability-token
WORK=./target/reliability
SEED=${SEED:-20261130}
PBC="../shared/data/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
SUPERVISOR=
DATA=

load() { cut -d' ' -f1 /proc/loadavg; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }

build() {
  if [[ ! -f $WORK/app-h2/quarkus-run.jar || ! -f $WORK/app-pg/quarkus-run.jar ]]; then
    ./mvnw -B -ntp -q ${MVN_ARGS:-} package -DskipTests -Dquarkus.profile=postgres
    rm -rf "$WORK/app-pg"; cp -r target/quarkus-app "$WORK/app-pg"
    ./mvnw -B -ntp -q ${MVN_ARGS:-} package -DskipTests
    rm -rf "$WORK/app-h2"; cp -r target/quarkus-app "$WORK/app-h2"
  fi
}

# PostgreSQL: one server of the script's own in $WORK/pg, a fresh database per trial
AS=()
[[ $(id -u) == 0 ]] && AS=(runuser -u postgres --)
pg_up() {
  if [[ ! -f $WORK/pg/data/PG_VERSION ]]; then
    rm -rf "$WORK/pg"; mkdir -p "$WORK/pg"
    [[ $(id -u) == 0 ]] && chown postgres "$WORK/pg"
    "${AS[@]}" "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  fi
  if ! "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg/data" status >/dev/null 2>&1; then
    PG_STARTED=1
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
      -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
  fi
}
PG_STARTED=
pg_down() { [[ -n $PG_STARTED ]] && "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true; }
psql_su() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
pg_fresh() { # database name
  psql_su -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'militrend'" | grep -q 1 \
    || psql_su -c "CREATE ROLE militrend LOGIN PASSWORD 'militrend'"
  psql_su -c "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\" OWNER militrend"
}

# Starts the service under a supervisor that restarts it whenever it exits, until stop().
# $1 database (h2|postgres), $2 trial name: data folder $WORK/$2, database $2 on PostgreSQL.
start() {
  local db=$1 name=$2
  DATA="$WORK/$name"
  rm -rf "$DATA" "$DATA".*; mkdir -p "$DATA"
  local -a env=(MILITREND_EDITOR_TOKEN=$TOKEN MILITREND_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT)
  local app=${APP_H2:-$WORK/app-h2}
  if [[ $db == postgres ]]; then
    pg_up; pg_fresh "$name"; app=${APP_PG:-$WORK/app-pg}
    env+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$name"
      QUARKUS_DATASOURCE_USERNAME=militrend QUARKUS_DATASOURCE_PASSWORD=militrend)
  fi
  (
    n=0
    while [[ ! -f $DATA.stop ]]; do
      n=$((n + 1))
      env "${env[@]}" java -Xmx512m -jar "$app/quarkus-run.jar" >"$DATA.start-$n.log" 2>&1 &
      echo $! >"$DATA.pid"
      wait $! || true
    done
  ) &
  SUPERVISOR=$!
}
pid() { cat "$DATA.pid"; }
ready_within() { # seconds; prints the seconds it took
  local t0; t0=$(now)
  while [[ $(since "$t0" | cut -d. -f1) -lt $1 ]]; do
    if curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null; then since "$t0"; return 0; fi
    sleep 0.5
  done
  echo "not-ready"; return 1
}
stop() {
  if [[ -n "$SUPERVISOR" ]]; then
    touch "$DATA.stop"
    kill "$(pid)" 2>/dev/null || true
    wait "$SUPERVISOR" 2>/dev/null || true
    SUPERVISOR=
  fi
}
trap 'stop; pg_down' EXIT
json_num() { sed -nE "s/.*\"$1\":([0-9]+).*/\1/p" | head -1; }
total() { curl -fsS "$BASE/api/v1/incidents?size=1" | json_num total; }
import() { # file format dataset -> http code
  curl -s -o "$WORK/last-answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary @"$1" "$BASE/api/v1/imports?format=$2&dataset=$3"
}
spool_files() { find "$DATA/spool" -type f 2>/dev/null | wc -l; }

fuzz() { # db
  local corpus="$WORK/fuzz-corpus"
  rm -rf "$corpus"
  java src/bench/GenerateIncidents.java 80 "$WORK/native-80.csv" >/dev/null
  java -cp target/test-classes org.militrend.ingest.FuzzCorpus "$SEED" "${FUZZ_FILES:-400}" \
    "$WORK/native-80.csv" "$PBC" "$corpus"
  start "$1" "fuzz-$1"; ready_within 300 >/dev/null
  local before inserted=0 n=0 refused=0 fivexx=0 code
  before=$(total)
  for f in "$corpus"/*.csv; do
    local format=${f%.csv}; format=${format##*.}
    code=$(import "$f" "$format" "fuzz-$format")
    n=$((n + 1))
    case $code in
      201) inserted=$((inserted + $(json_num inserted <"$WORK/last-answer.json"))) ;;
      5*) fivexx=$((fivexx + 1)); echo "5xx: $f $(head -c 300 "$WORK/last-answer.json")" ;;
      *) refused=$((refused + 1)) ;;
    esac
  done
  local after; after=$(total)
  echo "fuzz $1: $n files, $fivexx x 5xx, $refused refused, count $before -> $after (accepted files inserted $inserted)," \
    "unchanged by refused files: $([[ $after -eq $((before + inserted)) ]] && echo yes || echo NO)," \
    "spool folder after: $(spool_files) files, load $(load)"
  stop
}

# Kill points: a share of the rows read, or 'commit' (every row read, the import not yet
# answered: the rollup refresh and the commit).
KILL_AT=(${KILL_AT:-5 10 25 40 50 60 75 90 commit commit})
kill_trials() { # db
  local db=$1 rows=${KILL_ROWS:-300000} trials=${KILL_TRIALS:-10}
  local file="$WORK/native-$rows.csv"
  [[ -f $file ]] || java src/bench/GenerateIncidents.java "$rows" "$file" >/dev/null
  # one service for all trials: each trial imports into a dataset of its own, is killed, and the
  # supervisor's restart serves the next trial (the database keeps what earlier trials left)
  start "$db" "kill-$db"; ready_within 600 >/dev/null
  echo "kill $db: first start $(sed -nE 's/.*started in ([0-9.]+)s.*/\1/p' "$DATA.start-1.log") s," \
    "$(cpu_seconds "$(pid)") CPU s, load $(load); $rows generated rows per import"
  echo "| db | trial | killed at | rows read at kill | H2 file at kill | load at kill | restart: database open | started | ready (CPU s of the start) | incidents before -> after | all or nothing | history |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for i in $(seq 1 "$trials"); do
    local at=${KILL_AT[$(((i - 1) % ${#KILL_AT[@]}))]}
    local before; before=$(total)
    local runs; runs=$(ls "$DATA".start-*.log | wc -l)
    import "$file" native "big-$i" >/dev/null &
    local client=$! id= done_rows=0 target
    [[ $at == commit ]] && target=$rows || target=$((rows * at / 100))
    while [[ -z $id ]]; do
      id=$(curl -fsS "$BASE/api/v1/imports?size=1" 2>/dev/null | grep '"state":"running"' | json_num importId || true)
      sleep 0.2
    done
    while kill -0 "$client" 2>/dev/null; do
      done_rows=$(curl -fsS "$BASE/api/v1/imports/$id" 2>/dev/null | json_num rowsDone || true)
      [[ -n $done_rows && $done_rows -ge $target ]] && break
      sleep 0.2
    done
    local old; old=$(pid)
    local size=-; [[ $db == h2 ]] && size="$(($(stat -c %s "$DATA/militrend.mv.db") / 1048576)) MB"
    local killed; killed=$(now); local load_kill; load_kill=$(load)
    kill -9 "$old"
    wait "$client" 2>/dev/null || true
    local log=$DATA.start-$((runs + 1)).log
    while [[ ! -f $log ]]; do sleep 0.1; done
    local took; took=$(ready_within 600 || true)
    local cpu; cpu=$(cpu_seconds "$(pid)")
    local opened started
    opened=$(log_seconds "$log" "$killed" 'FlywayExecutor.*Database:')
    started=$(log_seconds "$log" "$killed" 'started in')
    local after state held
    after=$(total 2>/dev/null || echo "?")
    state=$(curl -fsS "$BASE/api/v1/imports/$id" | sed -nE 's/.*"state":"([a-z]+)".*/\1/p')
    held=$(curl -fsS "$BASE/api/v1/imports/$id" | json_num inserted)
    local verdict=NO
    [[ "$after" == "$before" || "$after" == $((before + rows)) ]] && verdict=yes
    [[ $held == $((after - before)) ]] || state="$state (says $held rows held, NO)"
    local over=; [[ $took == not-ready || ${took%.*} -ge 60 ]] && over=" (OVER 60 s)"
    echo "| $db | $i | $at | $done_rows | $size | $load_kill | ${opened} s | ${started} s | ${took} s$over ($cpu) | $before -> $after | $verdict | $state |"
  done
  stop
}
# CPU seconds (user + system) a process has used: what its start costs whatever the machine's load
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
# seconds from $2 (epoch) to the first log line of $1 matching $3
log_seconds() {
  local stamp; stamp=$(grep -m1 -E "$3" "$1" | cut -c1-23 | tr ',' '.')
  [[ -z $stamp ]] && { echo "?"; return; }
  awk -v a="$2" -v b="$(date -u -d "$stamp" +%s.%N)" 'BEGIN {printf "%.1f", b - a}'
}

readers() { # db
  start "$1" "readers-$1"; ready_within 300 >/dev/null
  java src/bench/GenerateIncidents.java 20000 "$WORK/native-20000.csv" >/dev/null
  import "$PBC" pbc-suicide pbc >/dev/null
  import "$WORK/native-20000.csv" native generated >/dev/null
  echo "readers $1: PBC (496 incidents) + 20,000 generated, load before $(load)"
  java src/bench/reliability/ReadMix.java "$BASE" "${READERS:-50}" "${READ_SECONDS:-60}" 2006-01-01 2025-12-31
  echo "load after $(load)"
  stop
}

races() { # db
  start "$1" "races-$1"; ready_within 300 >/dev/null
  java src/bench/GenerateIncidents.java 500 "$WORK/native-500.csv" >/dev/null
  sed 's/^gen-/alt-/' "$WORK/native-500.csv" >"$WORK/native-500-alt.csv"
  local bad=0 fivexx=0
  for r in $(seq 1 "${RACE_ROUNDS:-20}"); do
    # the same file twice at once into a new dataset: 500 rows; two files at once into another: 1000
    import "$WORK/native-500.csv" native "same-$r" >"$WORK/race-a.code" &
    local pa=$!
    import "$WORK/native-500.csv" native "same-$r" >"$WORK/race-b.code" &
    local pb=$!
    import "$WORK/native-500.csv" native "two-$r" >"$WORK/race-c.code" &
    local pc=$!
    local d; d=$(import "$WORK/native-500-alt.csv" native "two-$r")
    wait $pa $pb $pc # not a bare wait: the supervisor is a child too
    local a b c; a=$(cat "$WORK/race-a.code"); b=$(cat "$WORK/race-b.code"); c=$(cat "$WORK/race-c.code")
    local same two
    same=$(curl -fsS "$BASE/api/v1/incidents?dataset=same-$r&size=1" | json_num total)
    two=$(curl -fsS "$BASE/api/v1/incidents?dataset=two-$r&size=1" | json_num total)
    for code in $a $b $c $d; do [[ $code == 5* ]] && fivexx=$((fivexx + 1)); done
    [[ "$a $b $c $d" == "201 201 201 201" && $same == 500 && $two == 1000 ]] \
      || { bad=$((bad + 1)); echo "round $r: answers $a $b / $c $d, rows $same / $two"; }
  done
  echo "races $1: ${RACE_ROUNDS:-20} rounds (the same 500-row file twice at once into a new dataset, and two" \
    "different 500-row files at once into another): $fivexx x 5xx, $bad bad rounds, load $(load)"
  stop
}

# The H2 file during one large import: its size every 2 s, the peak, after the commit, after a
# restart (the start compacts it) and the rows the import wrote.
growth() {
  local rows=${GROWTH_ROWS:-300000}
  local file="$WORK/native-$rows.csv"
  [[ -f $file ]] || java src/bench/GenerateIncidents.java "$rows" "$file" >/dev/null
  start h2 growth; ready_within 300 >/dev/null
  local t0; t0=$(now)
  import "$file" native big >"$WORK/growth.code" &
  local client=$! peak=0 s
  while kill -0 "$client" 2>/dev/null; do
    s=$(stat -c %s "$DATA/militrend.mv.db"); ((s > peak)) && peak=$s
    sleep 2
  done
  s=$(stat -c %s "$DATA/militrend.mv.db"); ((s > peak)) && peak=$s
  echo "growth: $rows rows imported ($(cat "$WORK/growth.code")) in $(since "$t0") s, load $(load);" \
    "H2 file peak $((peak / 1048576)) MB, after the commit $((s / 1048576)) MB"
  kill "$(pid)"
  while [[ ! -f $DATA.start-2.log ]]; do sleep 0.1; done
  ready_within 300 >/dev/null
  echo "growth: after a restart $(($(stat -c %s "$DATA/militrend.mv.db") / 1048576)) MB, $(total) incidents"
  stop
}

build
for db in $DBS; do
  case $WHAT in
    build) ;;
    fuzz) fuzz "$db" ;; kill) kill_trials "$db" ;; readers) readers "$db" ;; races) races "$db" ;;
    growth) [[ $db == h2 ]] && growth ;;
    all) fuzz "$db"; kill_trials "$db"; readers "$db"; races "$db"; [[ $db == h2 ]] && growth ;;
    *) echo "usage: $0 [build|fuzz|kill|readers|races|growth|all] [PORT]"; exit 2 ;;
  esac
done
