#!/usr/bin/env bash
# KPI query speed on an existing SQLite database (issue 4, "KPI query speed"): for each query,
# RUNS runs of `smmkpi kpi ... --format json`, median wall and median CPU (user + sys of the
# child), peak RSS, and the 1-minute load average before each run (the machine is shared:
# wall time under load is CPU time stretched by the run queue).
#   benchmarks/kpi-speed.sh BIN DB [RUNS]       e.g. .build-release/release/smmkpi bench.sqlite 5
# Writes each query's JSON output to $OUT (default kpi-speed-out/) to compare versions:
#   python3 benchmarks/compare-kpi-json.py before/ after/
set -euo pipefail
BIN=${1:?binary}; DB=${2:?database}; RUNS=${3:-5}
OUT=${OUT:-kpi-speed-out}
MONTH=${MONTH:-2026-10}; YEAR=${YEAR:-2025}
mkdir -p "$OUT"
python3 - "$BIN" "$DB" "$RUNS" "$OUT" "$MONTH" "$YEAR" <<'PY'
import os, resource, statistics, subprocess, sys, time
binary, db, runs, out, month, year = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
queries = [("month", ["--period", month]), ("month-by-format", ["--period", month, "--by", "format"]),
           ("year", ["--period", year])]
for name, args in queries:
    walls, cpus, rss, loads = [], [], [], []
    for i in range(runs):
        loads.append(os.getloadavg()[0])
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        with open(os.path.join(out, name + ".json"), "w") as f:
            p = subprocess.run([binary, "kpi", *args, "--db", db, "--format", "json"], stdout=f)
        wall = time.perf_counter() - t
        if p.returncode != 0:
            sys.exit(f"kpi {' '.join(args)} failed with status {p.returncode}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(wall)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        rss.append(after.ru_maxrss)
    print(f"kpi {' '.join(args):32s} wall median {statistics.median(walls):6.2f} s (min {min(walls):.2f}) | "
          f"CPU median {statistics.median(cpus):6.2f} s (min {min(cpus):.2f}) | peak RSS {max(rss)//1024} MB | "
          f"load {min(loads):.1f}-{max(loads):.1f}", flush=True)
PY
