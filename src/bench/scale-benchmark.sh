#!/usr/bin/env bash
# The scale run of issue 11 (docs/benchmarks.md, "Scale run"): an ACLED-shaped store of $ROWS
# generated incidents (GenerateIncidents ... acled: every district, 2006-2025, ACLED's event
# types, 48 actors with Zipf-like weights) imported through the service into a PostgreSQL 15 of
# its own, then, uncached:
#   1. the import's wall time (CLI, one transaction) and the sizes of incident and the rollups;
#   2. p50/p99 of each API request the dashboard makes on a cold load (captured from one load in
#      headless Chromium, then each replayed N times with a distinct harmless parameter &run=i so
#      that neither the in-process cache nor the ETag answers it);
#   3. groupBy=district,month over the whole range against the raw GROUP BY over incident in psql,
#      interleaved, N times each, and the ratio of the medians.
#
#   ROWS=100000 MVN_ARGS=-o src/bench/scale-benchmark.sh
#   for r in 100000 1000000 2400000; do ROWS=$r PGDIR=/tmp/militrend-scale-$r SKIP_BUILD=1 src/bench/scale-benchmark.sh; done
#
# N=30 by default; KEEP_PG=1 keeps the database in $PGDIR for another run (no second import).
# AGG_WARM=30 uncached district x month requests warm the JIT before step 3 is timed (with 5, the
# first timed answers still ran partly interpreted); ONLY_AGG=1 skips step 2.
set -euo pipefail
cd "$(dirname "$0")/../.."
FORMAT=acled
PGDIR=${PGDIR:-/tmp/militrend-scale-${ROWS:-1000000}}
source src/bench/bench-lib.sh
N=${N:-30}
RES=$OUT/scale-results-$ROWS.txt
: > "$RES"
log() { echo "$*" | tee -a "$RES"; }
trap bench_down EXIT

log "# scale run $(date -u +%FT%TZ), ROWS=$ROWS, N=$N"
log "nproc: $(nproc); mem: $(free -g | awk '/Mem:/{print $2}') GB; $(java -version 2>&1 | head -1)"
bench_pg_up > "$OUT/pg-up.txt"; log "$(cat "$OUT/pg-up.txt")"
log "import of $ROWS ACLED rows: $(cat "$PGDIR/import-seconds") s ($(tail -3 "$OUT/bench-import-out.txt" | tr '\n' ' '))"
for t in $("${PSQL[@]}" -tAc "SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND (table_name = 'incident' OR table_name LIKE '%rollup%') ORDER BY 1"); do
    log "table $t: $("${PSQL[@]}" -tAc "SELECT count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('$t'))
        || ' with indexes' FROM $t")"
done

timeout 600 ./mvnw -B -q ${MVN_ARGS:-} test-compile
[[ -s $OUT/test-cp.txt ]] || timeout 300 ./mvnw -B -q ${MVN_ARGS:-} dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-cp.txt"
bench_svc_up ${SVC_OPTS:-} > "$OUT/svc-up.txt"; log "$(cat "$OUT/svc-up.txt")"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
with_param() { if [[ $1 == *\?* ]]; then echo "$1&$2"; else echo "$1?$2"; fi; }

# 2. the dashboard's own requests, as one cold load in Chromium makes them
if [[ -z ${ONLY_AGG:-} ]]; then
timeout 600 java -cp "target/test-classes:target/classes:$(cat "$OUT/test-cp.txt")" \
    org.militrend.dashboard.DashboardLoadBenchmark "$BASE" 1 0 > "$OUT/scale-load.tsv" 2> "$OUT/scale-load-resources.txt"
log "one cold dashboard load: $(awk 'NR == 2 {print "ready " $3 " ms, " $6 " bytes, " $12 " requests"}' "$OUT/scale-load.tsv")"
grep -o '/api/v1/[^ ]*' "$OUT/scale-load-resources.txt" | sort -u > "$OUT/scale-urls.txt"
: > "$OUT/scale-p50s.txt"
while read -r path; do
    for i in 1 2 3; do curl_t "$(with_param "$BASE$path" "warm=$i")" >/dev/null; done
    : > "$OUT/scale-one.txt"
    for i in $(seq 1 "$N"); do
        curl_t "$(with_param "$BASE$path" "run=$i")" | awk '$1 == 200 {print $2 * 1000}' >> "$OUT/scale-one.txt"
    done
    s=$(stats < "$OUT/scale-one.txt")
    echo "$s" | sed -n 's/.*median=\([0-9.]*\).*/\1/p' >> "$OUT/scale-p50s.txt"
    log "  $s  $path"
done < "$OUT/scale-urls.txt"
log "dashboard requests: $(wc -l < "$OUT/scale-urls.txt"); slowest p50 $(sort -g "$OUT/scale-p50s.txt" | tail -1) ms"
fi

# 3. district x month against the raw GROUP BY (AGG_PATH and RAW_SQL of bench-lib.sh)
AGG="$BASE$AGG_PATH"
for i in $(seq 1 "${AGG_WARM:-30}"); do curl_t "$AGG&warm=$i" >/dev/null; done
for i in $(seq 1 5); do psql_t >/dev/null; done
log "district,month answer: $(curl_t "$AGG&size=1" | cut -d' ' -f3) bytes"
: > "$OUT/scale-agg.txt"; : > "$OUT/scale-psql.txt"
for i in $(seq 1 "$N"); do
    curl_t "$AGG&run=$i" | awk '$1 == 200 {print $2 * 1000}' >> "$OUT/scale-agg.txt"
    psql_t >> "$OUT/scale-psql.txt"
done
log "aggregate district,month uncached (ms): $(stats < "$OUT/scale-agg.txt")"
log "raw GROUP BY in psql (ms):              $(stats < "$OUT/scale-psql.txt")"
log "ratio of medians: $(paste <(sort -g "$OUT/scale-agg.txt") <(sort -g "$OUT/scale-psql.txt") | awk '{a[NR]=$1; b[NR]=$2} END {printf "%.3f (p99: %.3f)", a[int((NR+1)/2)]/b[int((NR+1)/2)], a[int(NR*0.99+0.999)]/b[int(NR*0.99+0.999)]}')"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $RES"
