# Shared by the service benchmarks (aggregate-, trend- and dashboard-benchmark.sh); source it.
#
# bench_pg_up   builds the PostgreSQL jar (target/bench/app-pg, skipped with SKIP_BUILD=1 when it
#               exists), starts a PostgreSQL 15 of its own on 127.0.0.1 on a free port in
#               $PGDIR (default /tmp/militrend-bench-pg; kept between runs, KEEP_PG=1) and, the
#               first time, imports the generated $ROWS-row file over every district
#               (GenerateIncidents with the gazetteer) with the CLI, then VACUUM ANALYZE; the
#               import's wall time lands in $PGDIR/import-seconds. FORMAT=acled generates and
#               imports the ACLED-shaped file instead (dataset "acled", format acled).
# bench_svc_up  starts the service (PostgreSQL jar; APP=another build's quarkus-app directory
#               instead of $OUT/app-pg) on a free port: $BASE is its URL.
# bench_down    stops the service and (unless KEEP_PG=1) PostgreSQL.
# PSQL=(...)    psql on the bench database, as the service's user.
set -euo pipefail
ROWS=${ROWS:-1000000}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
OUT=${OUT:-target/bench}
PGDIR=${PGDIR:-/tmp/militrend-bench-pg}
FORMAT=${FORMAT:-native}
if [[ $FORMAT == acled ]]; then
    FILE=$OUT/acled-all-$ROWS.csv; GEN_ARGS=(acled); IMPORT_ARGS=(--format acled)
else
    FILE=$OUT/incidents-all-$ROWS.csv; GEN_ARGS=(); IMPORT_ARGS=(--format native --dataset bench)
fi
mkdir -p "$OUT"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

bench_build() {
    if [[ -z ${SKIP_BUILD:-} || ! -d $OUT/app-pg ]]; then
        timeout 900 ./mvnw -B -q ${MVN_ARGS:-} package -DskipTests -Dquarkus.profile=postgres
        rm -rf "$OUT/app-pg"
        cp -r target/quarkus-app "$OUT/app-pg"
    fi
}

bench_pg_up() {
    bench_build
    AS=()
    if [[ $(id -u) == 0 ]]; then AS=(runuser -u postgres --); fi
    local fresh=
    if [[ ! -f $PGDIR/data/PG_VERSION ]]; then
        rm -rf "$PGDIR"; mkdir -p "$PGDIR"
        if [[ $(id -u) == 0 ]]; then chown postgres "$PGDIR"; fi
        "${AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
        fresh=1
    fi
    if ! "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
        PGPORT=$(free_port)
        timeout 60 "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
            -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null
        echo "$PGPORT" > "$PGDIR/port"
    fi
    PGPORT=$(cat "$PGDIR/port")
    PSQL_SU=(timeout 600 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres)
    PSQL=(timeout 600 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U militrend -d bench)
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/bench"
    export QUARKUS_DATASOURCE_USERNAME=militrend QUARKUS_DATASOURCE_PASSWORD=militrend
    if [[ -n $fresh ]]; then
        "${PSQL_SU[@]}" -c "CREATE ROLE militrend LOGIN PASSWORD 'militrend'" -c "CREATE DATABASE bench OWNER militrend"
    fi
    if [[ ! -f $PGDIR/imported-$FORMAT-$ROWS ]]; then
        [[ -s $FILE ]] || timeout 900 java src/bench/GenerateIncidents.java "$ROWS" "$FILE" sql/V2__gazetteer.sql "${GEN_ARGS[@]}"
        local t0=$SECONDS
        timeout 3600 java -Xmx512m -Dquarkus.profile=postgres -jar "$OUT/app-pg/quarkus-run.jar" \
            import "$FILE" "${IMPORT_ARGS[@]}" > "$OUT/bench-import-out.txt" 2>&1
        echo $((SECONDS - t0)) > "$PGDIR/import-seconds"
        "${PSQL_SU[@]}" -d bench -c "VACUUM ANALYZE"
        touch "$PGDIR/imported-$FORMAT-$ROWS"
    fi
    echo "PostgreSQL $("${PSQL[@]}" -tAc 'SHOW server_version') on port $PGPORT:" \
        "$("${PSQL[@]}" -tAc "SELECT count(*) FROM incident") incidents," \
        "$("${PSQL[@]}" -tAc "SELECT count(DISTINCT district_code) FROM incident") districts," \
        "$("${PSQL[@]}" -tAc "SELECT min(event_date) || ' .. ' || max(event_date) FROM incident")"
}

# $@ = extra JVM options
bench_svc_up() {
    SVC_PORT=$(free_port)
    BASE=http://127.0.0.1:$SVC_PORT
    java ${HEAP:--Xmx1g} -Dquarkus.profile=postgres -Dquarkus.http.port="$SVC_PORT" "$@" \
        -jar "${APP:-$OUT/app-pg}/quarkus-run.jar" > "$OUT/service-$SVC_PORT.log" 2>&1 &
    SVC_PID=$!
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null; then
            echo "service pid $SVC_PID at $BASE"; return 0
        fi
        kill -0 "$SVC_PID" 2>/dev/null || { echo "service died:"; tail -30 "$OUT/service-$SVC_PORT.log"; return 1; }
        sleep 1
    done
    echo "service not ready after 120 s"; return 1
}

bench_svc_down() {
    if [[ -n ${SVC_PID:-} ]]; then kill "$SVC_PID" 2>/dev/null || true; wait "$SVC_PID" 2>/dev/null || true; SVC_PID=; fi
}

bench_down() {
    bench_svc_down
    if [[ -z ${KEEP_PG:-} && -n ${PGDIR:-} ]]; then
        "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$PGDIR"
    fi
}

# The uncached district x month aggregate over 20 years and the very GROUP BY the service sends for
# it over incident (quarkus.hibernate-orm.log.sql=true, parameters inlined), timed by psql
# (\timing, rows fetched and discarded): the pair aggregate- and scale-benchmark.sh compare.
AGG_PATH="/api/v1/aggregates?groupBy=district,month&from=2006-01-01&to=2025-12-31"
RAW_SQL="select i1_0.district_code, i1_0.period_month, i1_0.province_code, count(i1_0.id),
 sum(coalesce(i1_0.killed, 0)), sum(coalesce(i1_0.injured, 0)),
 sum(case when i1_0.date_precision in ('year') then 1 else 0 end)
 from incident i1_0 where 1=1 and i1_0.event_date >= '2006-01-01' and i1_0.event_date <= '2025-12-31'
 group by i1_0.district_code, i1_0.period_month, i1_0.province_code"
psql_t() { printf '\\timing on\n\\o /dev/null\n%s;\n' "$RAW_SQL" | "${PSQL[@]}" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; }
# status, seconds and bytes of one GET
curl_t() { timeout 120 curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$@"; }

# median and p99 (nearest rank) of the numbers on stdin, in the input unit, and the count
stats() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; r=int(NR*0.99+0.999); if (r<1) r=1; printf "n=%d median=%.2f p99=%.2f min=%.2f max=%.2f\n", NR, m, a[r], a[1], a[NR]}'; }
