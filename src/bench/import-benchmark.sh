#!/usr/bin/env bash
# Benchmark of the import (docs/benchmarks.md, "Import"): a generated 1,000,000-row native file
# imported by the CLI with -Xmx512m on H2 and on PostgreSQL, and PostgreSQL's own COPY of the
# same rows in the same run. Raw results go to target/bench/ (results.txt sums them up).
#
#   src/bench/import-benchmark.sh            # everything
#   ROWS=200000 src/bench/import-benchmark.sh  # smaller file
#   SKIP_H2=1 / SKIP_PG=1 / SKIP_BUILD=1 / SKIP_REIMPORT=1 / MVN_ARGS=-o / TIMEOUT=1800 / H2_TIMEOUT=600
#   OUT=/some/folder (default target/bench); the PostgreSQL data folder goes under TMPDIR (/tmp)
#   BEFORE_APP=/path/to/quarkus-app  # also import with another postgres build (e.g. main's), into a
#                                    # database of its own, first: before and after in the same run
#
# Needs: JDK 17, PostgreSQL server binaries (PGBIN, default /usr/lib/postgresql/15/bin), psql.
# Starts its own PostgreSQL on 127.0.0.1 on a free port in a temporary directory (as user
# "postgres" when run as root) and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
TIMEOUT=${TIMEOUT:-1800}      # seconds, per import
# H2 is quadratic on big datasets (docs/benchmarks.md): its import is stopped after this long
H2_TIMEOUT=${H2_TIMEOUT:-600}
HEAP=${HEAP:--Xmx512m}
OUT=${OUT:-target/bench}
FILE=$OUT/incidents-$ROWS.csv
RES=$OUT/results.txt
mkdir -p "$OUT"
: > "$RES"
log() { echo "$*" | tee -a "$RES"; }

log "# import benchmark $(date -u +%FT%TZ), $ROWS rows, $HEAP"
log "nproc: $(nproc); mem: $(free -g | awk '/Mem:/{print $2}') GB; $(java -version 2>&1 | head -1)"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the file --------------------------------------------------------------------------------
if [[ ! -s $FILE ]]; then
    java src/bench/GenerateIncidents.java "$ROWS" "$FILE"
fi
log "file: $FILE, $(stat -c %s "$FILE") bytes"

# Runs the CLI import. $1 = label, $2 = app dir, rest = extra JVM options.
# Records wall time (whole JVM incl. start-up), the CLI's "took" (the import itself), the CLI's
# peak heap (sum of heap-pool peaks), and the max heap after GC from -Xlog:gc.
run_import() {
    local label=$1 app=$2; shift 2
    local start end rc=0 cpu0 cpu1
    cpu0=$(server_cpu)
    start=$(date +%s.%N)
    # the client's CPU (user + system) from GNU time, when installed
    local timed=()
    if [[ -x /usr/bin/time ]]; then timed=(/usr/bin/time -f "%U %S" -o "$OUT/$label-cpu.txt"); fi
    timeout "${LIMIT:-$TIMEOUT}" "${timed[@]}" java $HEAP "-Xlog:gc:file=$OUT/$label-gc.log" "$@" -jar "$app/quarkus-run.jar" \
        import "$FILE" --format native --dataset bench > "$OUT/$label-out.txt" 2> "$OUT/$label-err.txt" || rc=$?
    end=$(date +%s.%N)
    cpu1=$(server_cpu)
    local took peak afterGc rows
    took=$(sed -n 's/.*took \([0-9.]*\) s, peak heap.*/\1/p' "$OUT/$label-out.txt")
    peak=$(sed -n 's/.*peak heap \([0-9]*\) MB.*/\1/p' "$OUT/$label-out.txt")
    # "GC(n) Pause Young (Normal) (G1 Evacuation Pause) 306M->137M(389M)": the max of the after-GC sizes
    afterGc=$(grep -o -- '->[0-9]*M' "$OUT/$label-gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
    rows=$(sed -n 's/.*inserted \([0-9]*\), updated \([0-9]*\), unchanged \([0-9]*\).*/\1 ins, \2 upd, \3 unch/p' "$OUT/$label-out.txt")
    log "$label: rc=$rc wall=$(echo "$end - $start" | bc) s; import took=${took:-?} s;" \
        "rows/s=$( [[ -n $took ]] && echo "$ROWS / $took" | bc || echo ?);" \
        "peak heap (CLI, sum of pool peaks)=${peak:-?} MB; max heap after GC=${afterGc:-?} MB; ($rows)"
    local cpu="?"
    [[ -s $OUT/$label-cpu.txt ]] && cpu=$(tail -1 "$OUT/$label-cpu.txt" | awk '{print $1 + $2}')
    log "$label: CPU seconds: client (JVM, user+sys) $cpu; server $(echo "$cpu1 - $cpu0" | bc)"
    # the import's own account of the time after its last row was read (ImportService)
    cat "$OUT/$label-out.txt" "$OUT/$label-err.txt" | grep -o 'import [0-9]*: [0-9]* rows read in.*' \
        | sed "s/^/$label: /" | tee -a "$RES" || true
    return 0
}

# CPU seconds of PostgreSQL's backends that have ended (the postmaster's own and its reaped
# children's user + system time): a connection's work counts once it disconnects. 0 without a server.
server_cpu() {
    local pid
    pid=$(head -1 "${PGDIR:-/nonexistent}/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print ($12 + $13 + $14 + $15) / hz }' "/proc/$pid/stat"
}

build() { # $@ = extra maven args; copies the app to $OUT/app-<name>
    local name=$1; shift
    if [[ -z ${SKIP_BUILD:-} || ! -d $OUT/app-$name ]]; then
        ./mvnw -B -q ${MVN_ARGS:-} package -DskipTests "$@"
        rm -rf "$OUT/app-$name"
        cp -r target/quarkus-app "$OUT/app-$name"
    fi
}

# --- H2 --------------------------------------------------------------------------------------
if [[ -z ${SKIP_H2:-} ]]; then
    build h2
    rm -rf "$OUT/h2"
    # militrend.data-dir must start with ./ (or be absolute): H2 refuses implicitly relative paths
    H2DIR=$OUT/h2
    [[ $H2DIR == /* ]] || H2DIR=./$H2DIR
    LIMIT=$H2_TIMEOUT run_import h2 "$OUT/app-h2" -Dmilitrend.data-dir=$H2DIR
fi

# --- PostgreSQL ------------------------------------------------------------------------------
if [[ -z ${SKIP_PG:-} ]]; then
    build pg -Dquarkus.profile=postgres
    # the db kind is fixed at build time: the postgres build records postgresql for it
    unzip -p "$OUT/app-pg/quarkus/generated-bytecode.jar" \
        io/quarkus/runtime/generated/BuildTimeRunTimeFixedConfigSourceBuilder.class | strings | grep -x postgresql >/dev/null \
        || { log "the postgres build does not record db-kind postgresql"; exit 1; }

    PGDIR=$(mktemp -d -p "${TMPDIR:-/tmp}" militrend-pg.XXXXXX)
    AS=()
    if [[ $(id -u) == 0 ]]; then chown postgres "$PGDIR"; AS=(runuser -u postgres --); fi
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    stop_pg() { "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
    trap stop_pg EXIT
    "${AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
        -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null
    PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres)
    log "PostgreSQL: $("${PSQL[@]}" -tAc 'SHOW server_version'), default settings (shared_buffers $("${PSQL[@]}" -tAc 'SHOW shared_buffers'), synchronous_commit on), port $PORT"
    "${PSQL[@]}" -c "CREATE ROLE militrend LOGIN PASSWORD 'militrend'" -c "CREATE DATABASE bench OWNER militrend"

    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PORT/bench"
    export QUARKUS_DATASOURCE_USERNAME=militrend QUARKUS_DATASOURCE_PASSWORD=militrend
    if [[ -n ${BEFORE_APP:-} ]]; then
        "${PSQL[@]}" -c "CREATE DATABASE bench_before OWNER militrend"
        export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PORT/bench_before"
        run_import pg-before "$BEFORE_APP" -Dquarkus.profile=postgres
        export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PORT/bench"
        "${PSQL[@]}" -c "DROP DATABASE bench_before" -c "CHECKPOINT"
    fi
    run_import pg "$OUT/app-pg" -Dquarkus.profile=postgres
    log "pg: incident rows in the database: $("${PSQL[@]}" -d bench -tAc "SELECT count(*) FROM incident WHERE dataset = 'bench'")"
    # the rollup the import wrote against a GROUP BY over the rows it wrote (org.militrend.rollup.Rollup's check)
    KEY="dataset, province_code, district_code, division_code, category, event_type, actor, period_year, period_quarter, period_month, date_precision"
    SUMS="COUNT(*), COALESCE(SUM(killed), 0), COUNT(*) - COUNT(killed), COALESCE(SUM(injured), 0), COUNT(*) - COUNT(injured),
          SUM(CASE WHEN killed IS NULL AND injured IS NULL THEN 1 ELSE 0 END),
          COALESCE(SUM(killed_civilians), 0), COUNT(*) - COUNT(killed_civilians),
          COALESCE(SUM(killed_security_forces), 0), COUNT(*) - COUNT(killed_security_forces),
          COALESCE(SUM(killed_militants), 0), COUNT(*) - COUNT(killed_militants)"
    SUMCOLS="incidents, killed, killed_unknown, injured, injured_unknown, casualties_unknown, killed_civilians,
             killed_civilians_unknown, killed_security_forces, killed_security_forces_unknown, killed_militants,
             killed_militants_unknown"
    STORED="SELECT $KEY, $SUMCOLS FROM incident_month_rollup WHERE dataset = 'bench'"
    GROUPED="SELECT $KEY, $SUMS FROM incident WHERE dataset = 'bench' GROUP BY $KEY"
    log "pg: rollup rows, only in the rollup, only in the GROUP BY: $("${PSQL[@]}" -d bench -tAc "SELECT
        (SELECT count(*) FROM incident_month_rollup WHERE dataset = 'bench'),
        (SELECT count(*) FROM ($STORED EXCEPT $GROUPED) a), (SELECT count(*) FROM ($GROUPED EXCEPT $STORED) b)")"

    # re-import of the same file: every row unchanged
    [[ -n ${SKIP_REIMPORT:-} ]] || run_import pg-reimport "$OUT/app-pg" -Dquarkus.profile=postgres

    # PostgreSQL's own COPY of the same rows: every column but id, as the import stored them,
    # into a table with the same columns, checks, indexes and foreign keys (every foreign key of
    # incident, read from the catalog: LIKE copies none of them).
    COLS=$("${PSQL[@]}" -d bench -tAc "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'incident' AND column_name <> 'id'")
    "${PSQL[@]}" -d bench -c "\\copy (SELECT $COLS FROM incident WHERE dataset = 'bench') TO '$OUT/incident-rows.csv' CSV"
    FKS=$("${PSQL[@]}" -d bench -tAc "SELECT string_agg('ADD ' || pg_get_constraintdef(oid), ', ') FROM pg_constraint WHERE conrelid = 'incident'::regclass AND contype = 'f'")
    log "foreign keys of incident, given to incident_copy: $FKS"
    "${PSQL[@]}" -d bench -c "CREATE TABLE incident_copy (LIKE incident INCLUDING ALL)" \
        -c "ALTER TABLE incident_copy $FKS" \
        -c "CHECKPOINT"
    copy_time() { # $1 = label; times one psql process doing the \copy in one transaction
        local s e c0 c1
        c0=$(server_cpu)
        s=$(date +%s.%N)
        "${PSQL[@]}" -d bench -c "\\copy incident_copy($COLS) FROM '$OUT/incident-rows.csv' CSV"
        e=$(date +%s.%N)
        c1=$(server_cpu)
        local t; t=$(echo "$e - $s" | bc)
        log "$1: $t s, $(echo "$ROWS / $t" | bc) rows/s; server CPU $(echo "$c1 - $c0" | bc) s"
        echo "$t"
    }
    T_COPY=$(copy_time "copy (same indexes, checks and foreign keys)" | tail -1)
    "${PSQL[@]}" -d bench -c "DROP TABLE incident_copy" -c "CREATE TABLE incident_copy (LIKE incident INCLUDING ALL)" -c "CHECKPOINT"
    T_COPY_NOFK=$(copy_time "copy (same indexes and checks, no foreign keys)" | tail -1)
    T_PG=$(sed -n 's/.*took \([0-9.]*\) s, peak heap.*/\1/p' "$OUT/pg-out.txt")
    if [[ -n $T_PG ]]; then
        log "ratio service/COPY (rows/s): $(echo "scale=3; $T_COPY / $T_PG" | bc) (with FKs), $(echo "scale=3; $T_COPY_NOFK / $T_PG" | bc) (without)"
    fi
    T_BEFORE=$(sed -n 's/.*took \([0-9.]*\) s, peak heap.*/\1/p' "$OUT/pg-before-out.txt" 2>/dev/null || true)
    if [[ -n ${BEFORE_APP:-} && -n $T_BEFORE ]]; then
        log "ratio BEFORE_APP/COPY: $(echo "scale=3; $T_COPY / $T_BEFORE" | bc) (with FKs), $(echo "scale=3; $T_COPY_NOFK / $T_BEFORE" | bc) (without)"
    fi
    log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
echo "results: $RES"
