#!/usr/bin/env bash
# Benchmark of aggregates and the monthly report (docs/benchmarks.md, "Aggregates and monthly
# report"): 1,000,000 generated incidents over every district and 20 years on PostgreSQL 15.
#
#   src/bench/aggregate-benchmark.sh       # N=100 interleaved requests; SKIP_BUILD=1, KEEP_PG=1 (keep the
#                                          # imported database in $PGDIR for the next script), WRK_SECONDS=20
#
# 1. uncached latency: GET /aggregates?groupBy=district,month over the whole range, each request
#    with a distinct harmless parameter (&run=i): the in-process cache and the ETag key on the
#    whole query string, so every request misses both and runs the GROUP BY. Interleaved with it,
#    the very GROUP BY the service sends (from Hibernate's log, parameters inlined), timed by psql
#    (\timing, rows fetched by psql and discarded).
# 2. the monthly report (GET /reports/monthly?month=2017-03&run=i), never cached in-process.
# 3. requests/s of a repeated (cached) aggregate with wrk -t2 -c16: the same district,month URL,
#    a small aggregate (groupBy=province,year), and the ETag revalidation (If-None-Match: 304).
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/bench-lib.sh
N=${N:-100}
WRK_SECONDS=${WRK_SECONDS:-20}
RES=$OUT/aggregate-results.txt
: > "$RES"
log() { echo "$*" | tee -a "$RES"; }
trap bench_down EXIT

log "# aggregate benchmark $(date -u +%FT%TZ), N=$N"
log "nproc: $(nproc); mem: $(free -g | awk '/Mem:/{print $2}') GB; $(java -version 2>&1 | head -1)"
bench_pg_up > "$OUT/pg-up.txt"; log "$(cat "$OUT/pg-up.txt")"
bench_svc_up ${SVC_OPTS:-} > "$OUT/svc-up.txt"; log "$(cat "$OUT/svc-up.txt")"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

AGG="$BASE$AGG_PATH"
echo "$RAW_SQL" > "$OUT/aggregate-sql.txt"
"${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) $RAW_SQL" > "$OUT/aggregate-explain.txt"
REPORT="$BASE/api/v1/reports/monthly?month=2017-03"

# warm-up: JIT, connection pool, PostgreSQL's buffers
for i in $(seq 1 10); do curl_t "$AGG&warm=$i" >/dev/null; psql_t >/dev/null; curl_t "$REPORT&warm=$i" >/dev/null; done
log "response sizes: aggregate $(curl_t "$AGG&size=1" | cut -d' ' -f3) bytes" \
    "($(curl -s "$AGG&size=2" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["rows"]))') rows)," \
    "report $(curl_t "$REPORT&size=1" | cut -d' ' -f3) bytes"

: > "$OUT/agg-uncached.txt"; : > "$OUT/agg-psql.txt"; : > "$OUT/report.txt"
for i in $(seq 1 "$N"); do
    curl_t "$AGG&run=$i" | awk '$1 == 200 {print $2 * 1000}' >> "$OUT/agg-uncached.txt"
    psql_t >> "$OUT/agg-psql.txt"
    curl_t "$REPORT&run=$i" | awk '$1 == 200 {print $2 * 1000}' >> "$OUT/report.txt"
done
log "aggregate district,month uncached (ms): $(stats < "$OUT/agg-uncached.txt")"
log "same GROUP BY in psql (ms):              $(stats < "$OUT/agg-psql.txt")"
log "ratio of medians: $(paste <(sort -g "$OUT/agg-uncached.txt") <(sort -g "$OUT/agg-psql.txt") | awk '{a[NR]=$1; b[NR]=$2} END {printf "%.2f (p99: %.2f)", a[int((NR+1)/2)]/b[int((NR+1)/2)], a[int(NR*0.99+0.999)]/b[int(NR*0.99+0.999)]}')"
log "monthly report 2017-03 uncached (ms):  $(stats < "$OUT/report.txt")"

# cached: the in-process cache holds the result; each request still reads the data version
wrk_run() { # $1 label, rest: wrk args
    local label=$1; shift
    timeout $((WRK_SECONDS + 30)) wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency "$@" > "$OUT/wrk-$label.txt" 2>&1 || true
    log "wrk $label: $(grep -E 'Requests/sec' "$OUT/wrk-$label.txt" | tr -s ' ');" \
        "latency p50 $(awk '$1 == "50%" {print $2}' "$OUT/wrk-$label.txt"), p99 $(awk '$1 == "99%" {print $2}' "$OUT/wrk-$label.txt");" \
        "$(grep -E 'Non-2xx|Socket errors' "$OUT/wrk-$label.txt" | tr '\n' ' ')"
}
SMALL="$BASE/api/v1/aggregates?groupBy=province,year&from=2006-01-01&to=2025-12-31"
curl_t "$AGG" >/dev/null; curl_t "$SMALL" >/dev/null
log "small aggregate: $(curl_t "$SMALL" | cut -d' ' -f3) bytes"
wrk_run cached-district-month "$AGG"
wrk_run cached-province-year "$SMALL"
TAG=$(curl -s -D - -o /dev/null "$AGG" | sed -n 's/^[Ee][Tt]ag: *\(.*\)\r$/\1/p')
wrk_run etag-304-district-month -H "If-None-Match: $TAG" "$AGG"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $RES"
