#!/usr/bin/env bash
# Benchmark of trends and hotspots (docs/benchmarks.md, "Trends and hotspots").
#
#   src/bench/trend-benchmark.sh     # JMH, then /hotspots and /trends over HTTP on PostgreSQL with 1M rows
#   SKIP_JMH=1 / SKIP_HTTP=1 / JMH_ARGS='-f 2 -wi 3 -w 2 -i 5 -r 2' / N=50 / SKIP_BUILD=1 / KEEP_PG=1
#
# 1. JMH (avgt, ms/op): TrendAnalysisBenchmark (src/test/java/org/militrend/trend/stats) runs
#    TrendAnalysis.analyze (forecast 6) on b_shift120, a 240-month extension of it and a flat
#    240-month series of ~4,200 a month, seasonal false and true. Single-threaded, so ms/op is CPU.
# 2. GET /hotspots?metric=incidents&by=district (every district, 240 months) N times, each with a
#    distinct harmless parameter (&run=i) so that no request can be answered from a cache, and
#    GET /trends (all incidents, 240 months, seasonal=true, forecast 6) likewise: curl time_total.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/bench-lib.sh
N=${N:-50}
RES=$OUT/trend-results.txt
: > "$RES"
log() { echo "$*" | tee -a "$RES"; }

log "# trend benchmark $(date -u +%FT%TZ)"
log "nproc: $(nproc); mem: $(free -g | awk '/Mem:/{print $2}') GB; $(java -version 2>&1 | head -1)"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ -z ${SKIP_JMH:-} ]]; then
    timeout 600 ./mvnw -B -q ${MVN_ARGS:-} test-compile
    timeout 300 ./mvnw -B -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-cp.txt"
    timeout 1800 java -cp "target/test-classes:target/classes:$(cat "$OUT/test-cp.txt")" org.openjdk.jmh.Main \
        TrendAnalysisBenchmark ${JMH_ARGS:--f 2 -wi 3 -w 2 -i 5 -r 2} -rf text -rff "$OUT/jmh-trends.txt" \
        > "$OUT/jmh-trends-log.txt" 2>&1
    log "$(cat "$OUT/jmh-trends.txt")"
fi

if [[ -z ${SKIP_HTTP:-} ]]; then
    trap bench_down EXIT
    bench_pg_up > "$OUT/pg-up.txt"; log "$(cat "$OUT/pg-up.txt")"
    bench_svc_up ${SVC_OPTS:-} > "$OUT/svc-up.txt"; log "$(cat "$OUT/svc-up.txt")"
    HOT="$BASE/api/v1/hotspots?metric=incidents&by=district&granularity=month"
    TREND="$BASE/api/v1/trends?metric=incidents&granularity=month&seasonal=true&forecast=6"
    for i in $(seq 1 10); do curl_t "$HOT&warm=$i" >/dev/null; curl_t "$TREND&warm=$i" >/dev/null; done
    curl -s "$HOT&check=1" > "$OUT/hotspots.json"
    log "hotspots: $(python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); q=b["query"]; print(len(b["ranked"]), "districts ranked,", len(b["insufficient"]), "insufficient,", q["periods"], "periods", q["from"], "..", q["to"])' "$OUT/hotspots.json"), $(stat -c %s "$OUT/hotspots.json") bytes"
    : > "$OUT/hotspots-ms.txt"; : > "$OUT/trends-ms.txt"
    for i in $(seq 1 "$N"); do
        curl_t "$HOT&run=$i" | awk '$1 == 200 {print $2 * 1000}' >> "$OUT/hotspots-ms.txt"
        curl_t "$TREND&run=$i" | awk '$1 == 200 {print $2 * 1000}' >> "$OUT/trends-ms.txt"
    done
    log "hotspots by district, 240 months, uncached (ms): $(stats < "$OUT/hotspots-ms.txt")"
    log "trends, all incidents, 240 months, seasonal, uncached (ms): $(stats < "$OUT/trends-ms.txt")"
    log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
echo "results: $RES"
