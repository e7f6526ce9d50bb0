#!/usr/bin/env bash
# Benchmark of the dashboard (docs/benchmarks.md, "Dashboard"): time from navigation to every
# panel rendered, and bytes transferred, in headless Chromium (Selenium, /usr/bin/chromium and
# /usr/bin/chromedriver) against the PostgreSQL service with 1,000,000 incidents.
#
#   src/bench/dashboard-benchmark.sh    # COLD=5 cold loads (new profile each), WARM=5 warm loads;
#                                       # against the service as built (quarkus.http.enable-compression is fixed
#                                       # at build time: -D at run time has no effect; build without it to compare)
#   SKIP_BUILD=1 / KEEP_PG=1 / MVN_ARGS=-o / VARIANT=name (label of the output files)
#   REF_APP=dir   # another build's quarkus-app (built with -Dquarkus.profile=postgres, e.g. of main):
#                 # its service runs beside this one on the same database, both are warmed alike, and
#                 # the cold loads alternate between them (reference, as built, reference, ...), so
#                 # that both see the same moment's load; the ratio of the medians is printed
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/bench-lib.sh
COLD=${COLD:-5}
WARM=${WARM:-5}
VARIANT=${VARIANT:-as-built}
variants=("$VARIANT")
if [[ -n ${REF_APP:-} ]]; then variants=(reference "$VARIANT"); fi
RES=$OUT/dashboard-results.txt
: > "$RES"
log() { echo "$*" | tee -a "$RES"; }
declare -A BASES PIDS
stop_all() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    SVC_PID=
    bench_down
}
trap stop_all EXIT

log "# dashboard benchmark $(date -u +%FT%TZ), $COLD cold + $WARM warm loads per variant: ${variants[*]}"
log "nproc: $(nproc); $(/usr/bin/chromium --version 2>/dev/null); $(/usr/bin/chromedriver --version | head -1)"
timeout 600 ./mvnw -B -q ${MVN_ARGS:-} test-compile
[[ -s $OUT/test-cp.txt ]] || timeout 300 ./mvnw -B -q ${MVN_ARGS:-} dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-cp.txt"
bench_pg_up > "$OUT/pg-up.txt"; log "$(cat "$OUT/pg-up.txt")"
# one page load or more (args: base URL, cold loads, warm loads); rows without the header
loads() {
    timeout 1200 java -cp "target/test-classes:target/classes:$(cat "$OUT/test-cp.txt")" \
        org.militrend.dashboard.DashboardLoadBenchmark "$@" | grep -v '^kind'
}
for variant in "${variants[@]}"; do
    app=$OUT/app-pg
    if [[ $variant == reference ]]; then app=$REF_APP; fi
    APP=$app bench_svc_up ${SVC_OPTS:-} > "$OUT/svc-up.txt"; log "$variant: $(cat "$OUT/svc-up.txt") ($app)"
    BASES[$variant]=$BASE; PIDS[$variant]=$SVC_PID
    log "$variant: Content-Encoding of main.js with Accept-Encoding gzip: $(curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null "$BASE/js/main.js" | tr -d '\r' | sed -n 's/^[Cc]ontent-[Ee]ncoding: //p')"
done
for variant in "${variants[@]}"; do
    # warm the service (JIT, PostgreSQL buffers) with two throw-away loads
    loads "${BASES[$variant]}" 2 0 > /dev/null 2>&1 || true
    printf 'kind\trun\treadyMs\tdclMs\tloadMs\ttransferB\tdecodedB\tjsTransferB\tjsDecodedB\tapiTransferB\tapiDecodedB\trequests\tcanvases\tlongTaskMs\tlongTasks\n' \
        > "$OUT/dashboard-$variant.tsv"
    : > "$OUT/dashboard-$variant-resources.txt"
done
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < COLD; i++)); do
    for variant in "${variants[@]}"; do
        echo "## cold load $i" >> "$OUT/dashboard-$variant-resources.txt"
        loads "${BASES[$variant]}" 1 0 2>> "$OUT/dashboard-$variant-resources.txt" \
            | sed "s/^cold\t0\t/cold\t$i\t/" >> "$OUT/dashboard-$variant.tsv"
    done
done
for variant in "${variants[@]}"; do
    if ((WARM > 0)); then
        loads "${BASES[$variant]}" 0 "$WARM" >> "$OUT/dashboard-$variant.tsv" 2>> "$OUT/dashboard-$variant-resources.txt"
    fi
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in "${variants[@]}"; do
    log "$(column -t "$OUT/dashboard-$variant.tsv")"
    kinds=(cold); if ((WARM > 0)); then kinds+=(warm); fi
    for kind in "${kinds[@]}"; do
        log "$variant $kind ready (ms): $(awk -v k=$kind '$1 == k {print $3}' "$OUT/dashboard-$variant.tsv" | stats);" \
            "transferred (bytes): $(awk -v k=$kind '$1 == k {print $6}' "$OUT/dashboard-$variant.tsv" | stats);" \
            "long tasks (ms): $(awk -v k=$kind '$1 == k {print $14}' "$OUT/dashboard-$variant.tsv" | stats)"
    done
done
median() { awk '$1 == "cold" {print $3}' "$1" | sort -g | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
if [[ -n ${REF_APP:-} ]]; then
    log "cold ready median, $VARIANT / reference: $(median "$OUT/dashboard-$VARIANT.tsv") / $(median "$OUT/dashboard-reference.tsv") =" \
        "$(awk -v a="$(median "$OUT/dashboard-$VARIANT.tsv")" -v b="$(median "$OUT/dashboard-reference.tsv")" 'BEGIN {printf "%.3f", a / b}')"
fi
echo "results: $RES"
