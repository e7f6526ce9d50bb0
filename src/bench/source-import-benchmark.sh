#!/usr/bin/env bash
# Benchmark of the source formats (docs/benchmarks.md, "Import of source files"): a generated
# GTD-layout file of ROWS rows imported by the CLI with -Xmx512m into PostgreSQL as the GTD's
# .xlsx (streaming reader), as its CSV export, and, as the reference in the same run, the same
# rows as a native CSV. Each import goes to a fresh database. Raw results go to
# target/bench/source/.
#
#   src/bench/source-import-benchmark.sh               # 500,000 rows
#   ROWS=100000 SKIP_BUILD=1 MVN_ARGS=-o src/bench/source-import-benchmark.sh
#
# Needs PostgreSQL server binaries (PGBIN, default /usr/lib/postgresql/15/bin) and psql; starts
# its own server on 127.0.0.1 on a free port in a temporary directory and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-500000}
HEAP=${HEAP:--Xmx512m}
TIMEOUT=${TIMEOUT:-1800}
OUT=target/bench/source
BASE=$OUT/gtd-$ROWS
RES=$OUT/results.txt
mkdir -p "$OUT"
: > "$RES"
log() { echo "$*" | tee -a "$RES"; }

log "# source import benchmark $(date -u +%FT%TZ), $ROWS rows, $HEAP"
log "nproc: $(nproc); mem: $(free -g | awk '/Mem:/{print $2}') GB; $(java -version 2>&1 | head -1)"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ ! -s $BASE.xlsx ]]; then
    java src/bench/GenerateGtdWorkbook.java "$ROWS" "$BASE"
fi
for f in "$BASE.xlsx" "$BASE.csv" "$BASE-native.csv"; do log "file: $f, $(stat -c %s "$f") bytes"; done

if [[ -z ${SKIP_BUILD:-} || ! -d $OUT/app ]]; then
    ./mvnw -B -q ${MVN_ARGS:-} package -DskipTests -Dquarkus.profile=postgres
    rm -rf "$OUT/app"
    cp -r target/quarkus-app "$OUT/app"
fi

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDIR=$(mktemp -d /tmp/militrend-source-bench.XXXXXX)
AS=()
if [[ $(id -u) == 0 ]]; then AS=(runuser -u postgres --); chown postgres "$PGDIR"; fi
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null
trap '"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$PGDIR"' EXIT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres)
"${PSQL[@]}" -c "CREATE ROLE militrend LOGIN PASSWORD 'militrend'"
log "PostgreSQL $("${PSQL[@]}" -tAc 'SHOW server_version') on port $PGPORT"
export QUARKUS_DATASOURCE_USERNAME=militrend QUARKUS_DATASOURCE_PASSWORD=militrend

# $1 = label, $2 = file, $3 = format. Wall time (whole JVM), the CLI's "took" (the import
# itself), its peak heap (sum of pool peaks) and the largest heap after a GC (-Xlog:gc).
run_import() {
    local label=$1 file=$2 format=$3 rc=0 start end
    "${PSQL[@]}" -c "CREATE DATABASE \"$label\" OWNER militrend"
    start=$(date +%s.%N)
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$label" \
        timeout "$TIMEOUT" java $HEAP "-Xlog:gc:file=$OUT/$label-gc.log" -Dquarkus.profile=postgres \
        -jar "$OUT/app/quarkus-run.jar" import "$file" --format "$format" --dataset bench \
        > "$OUT/$label-out.txt" 2> "$OUT/$label-err.txt" || rc=$?
    end=$(date +%s.%N)
    local took peak afterGc rows
    took=$(sed -n 's/.*took \([0-9.]*\) s.*/\1/p' "$OUT/$label-out.txt")
    peak=$(sed -n 's/.*peak heap \([0-9]*\) MB.*/\1/p' "$OUT/$label-out.txt")
    afterGc=$(grep -o -- '->[0-9]*M' "$OUT/$label-gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
    rows=$(sed -n 's/.*inserted \([0-9]*\), updated \([0-9]*\), unchanged \([0-9]*\).*/\1 ins, \2 upd, \3 unch/p' "$OUT/$label-out.txt")
    log "$label: rc=$rc wall=$(echo "$end - $start" | bc) s; import took=${took:-?} s;" \
        "rows/s=$( [[ -n $took ]] && echo "$ROWS / $took" | bc || echo ?);" \
        "peak heap (CLI, sum of pool peaks)=${peak:-?} MB; max heap after GC=${afterGc:-?} MB; ($rows)"
}

run_import native-csv "$BASE-native.csv" native
run_import gtd-xlsx "$BASE.xlsx" gtd
run_import gtd-csv "$BASE.csv" gtd
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
