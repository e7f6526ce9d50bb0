#!/usr/bin/env bash
# The answer's own cost (docs/benchmarks.md, "The answer's own cost"): two builds of the service
# (PostgreSQL jars, e.g. before and after a change) started in turn against one database of its
# own (bench-lib.sh: $ROWS generated incidents, FORMAT=acled for the ACLED-shaped store), each
# answering the uncached groupBy=district,month request over 20 years ($AGG_PATH, a distinct
# &run=i each time) as JSON and as CSV. Per block of N requests, after WARM warm-up requests
# (the JIT compiles the new code in them, which would otherwise be counted): the CPU time of the
# service process (utime + stime of /proc/<pid>/stat, every thread, GC and JIT included) and of
# the PostgreSQL backends per answer, which mean something on a shared machine where wall times
# mostly measure the wait for a core; then the wall times, the raw GROUP BY in psql in the same
# run, and the load average.
#
#   OLD_APP=/tmp/app-before NEW_APP=target/quarkus-app ROWS=1000000 FORMAT=acled \
#     PGDIR=/tmp/militrend-answer-1000000 KEEP_PG=1 src/bench/answer-cost-benchmark.sh
#
# OLD_APP and NEW_APP are quarkus-app folders built with -Dquarkus.profile=postgres; ROUNDS=2
# alternates them twice; N=15, WARM=30 by default.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${OLD_APP:?a quarkus-app folder (postgres profile) of the build before}"
: "${NEW_APP:?a quarkus-app folder (postgres profile) of the build after}"
ROUNDS=${ROUNDS:-2}; N=${N:-15}; WARM=${WARM:-30}
SKIP_BUILD=1
source src/bench/bench-lib.sh
mkdir -p "$OUT"; [[ -d $OUT/app-pg ]] || cp -r "$NEW_APP" "$OUT/app-pg"
trap bench_down EXIT
bench_pg_up
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_cpu() {
    local sum=0 pid
    for pid in $(pgrep -P "$(head -1 "$PGDIR/data/postmaster.pid")"); do
        sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$sum"
}
run=0
block() { # $1 variant, $2 format
    local i c0 p0 c1 p1 walls=$OUT/answer-cost-walls
    for i in $(seq 1 "$WARM"); do run=$((run + 1)); curl_t "$BASE$AGG_PATH&format=$2&run=w$run" > /dev/null; done
    c0=$(cpu "$SVC_PID"); p0=$(pg_cpu); : > "$walls"
    for i in $(seq 1 "$N"); do
        run=$((run + 1)); curl_t "$BASE$AGG_PATH&format=$2&run=$run" | awk '{print $2 * 1000}' >> "$walls"
    done
    c1=$(cpu "$SVC_PID"); p1=$(pg_cpu)
    echo "$1 $2: $(curl -s "$BASE$AGG_PATH&format=$2&run=size$run" | wc -c) bytes;" \
        "service CPU $(((c1 - c0) * 1000 / ticks / N)) ms/answer; PostgreSQL CPU $(((p1 - p0) * 1000 / ticks / N)) ms/answer;" \
        "wall ms $(stats < "$walls"); load $(cut -d' ' -f1-3 /proc/loadavg)"
}
for r in $(seq 1 "$ROUNDS"); do
    for variant in old new; do
        app=$OLD_APP; [[ $variant == new ]] && app=$NEW_APP
        rm -rf "$OUT/app-pg"; cp -r "$app" "$OUT/app-pg"
        bench_svc_up > /dev/null
        block "$variant" json
        block "$variant" csv
        bench_svc_down
    done
    : > "$OUT/answer-cost-raw"
    for i in $(seq 1 5); do psql_t >> "$OUT/answer-cost-raw"; done
    echo "raw GROUP BY in psql, ms: $(stats < "$OUT/answer-cost-raw")"
done
