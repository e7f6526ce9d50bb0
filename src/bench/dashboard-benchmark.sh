#!/usr/bin/env bash
# Benchmark of the dashboard (docs/benchmarks.md, "Dashboard"): time from navigation to every
# panel rendered, and bytes transferred, in headless Chromium (Selenium, /usr/bin/chromium and
# /usr/bin/chromedriver) against the PostgreSQL service with 1,000,000 incidents.
#
#   src/bench/dashboard-benchmark.sh    # COLD=5 cold loads (new profile each), WARM=5 warm loads;
#                                       # against the service as built (quarkus.http.enable-compression is fixed
#                                       # at build time: -D at run time has no effect; build without it to compare)
#   SKIP_BUILD=1 / KEEP_PG=1 / MVN_ARGS=-o / VARIANT=name (label of the output files)
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/bench-lib.sh
COLD=${COLD:-5}
WARM=${WARM:-5}
VARIANTS=${VARIANT:-as-built}
RES=$OUT/dashboard-results.txt
: > "$RES"
log() { echo "$*" | tee -a "$RES"; }
trap bench_down EXIT

log "# dashboard benchmark $(date -u +%FT%TZ), $COLD cold + $WARM warm loads per variant"
log "nproc: $(nproc); $(/usr/bin/chromium --version 2>/dev/null); $(/usr/bin/chromedriver --version | head -1)"
timeout 600 ./mvnw -B -q ${MVN_ARGS:-} test-compile
[[ -s $OUT/test-cp.txt ]] || timeout 300 ./mvnw -B -q ${MVN_ARGS:-} dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-cp.txt"
bench_pg_up > "$OUT/pg-up.txt"; log "$(cat "$OUT/pg-up.txt")"
for variant in $VARIANTS; do
    opts=()
    bench_svc_up ${SVC_OPTS:-} > "$OUT/svc-up.txt"; log "$variant: $(cat "$OUT/svc-up.txt") ${opts[*]}"
    log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    log "Content-Encoding of main.js with Accept-Encoding gzip: $(curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null "$BASE/js/main.js" | tr -d '\r' | sed -n 's/^[Cc]ontent-[Ee]ncoding: //p')"
    # warm the service (JIT, PostgreSQL buffers) with two throw-away loads
    timeout 600 java -cp "target/test-classes:target/classes:$(cat "$OUT/test-cp.txt")" \
        org.militrend.dashboard.DashboardLoadBenchmark "$BASE" 2 0 > /dev/null 2>&1 || true
    timeout 1200 java -cp "target/test-classes:target/classes:$(cat "$OUT/test-cp.txt")" \
        org.militrend.dashboard.DashboardLoadBenchmark "$BASE" "$COLD" "$WARM" \
        > "$OUT/dashboard-$variant.tsv" 2> "$OUT/dashboard-$variant-resources.txt"
    log "$(column -t "$OUT/dashboard-$variant.tsv")"
    for kind in cold warm; do
        log "$variant $kind ready (ms): $(awk -v k=$kind '$1 == k {print $3}' "$OUT/dashboard-$variant.tsv" | stats);" \
            "transferred (bytes): $(awk -v k=$kind '$1 == k {print $6}' "$OUT/dashboard-$variant.tsv" | stats)"
    done
    bench_svc_down
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $RES"
