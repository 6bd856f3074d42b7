#!/usr/bin/env bash
# PostgreSQL next to SQLite in one run: import of the demo data, then the month and by-format
# KPI queries on each (5 runs, median). Release build.
#   benchmarks/postgres/run.sh [ACCOUNTS] [DAYS]     default 500 730 (≈ 7.4 M rows); smaller for a quick run
# The server: SMMKPI_BENCH_POSTGRES_URL (an empty database) when set, else a throwaway cluster
# started by scripts/test.d/postgres.setup.sh with PostgreSQL's default durability settings.
set -euo pipefail
cd "$(dirname "$0")/../.."
ACCOUNTS=${1:-500}
DAYS=${2:-730}
DATA=${BENCH_DATA:-bench-data}
BUNDLE="$DATA/demo-$ACCOUNTS-$DAYS"
SQLITE="$DATA/pg-bench-$ACCOUNTS-$DAYS.sqlite"
BIN=${SMMKPI_BIN:-.build-release/release/smmkpi}
cleanups=()
source benchmarks/postgres/common.sh
echo "bundle: $(du -shL "$BUNDLE" | cut -f1); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

rm -f "$SQLITE" "$SQLITE-wal" "$SQLITE-shm"
for db in sqlite postgres; do
  target=$SQLITE; [[ $db == postgres ]] && target=$PG
  /usr/bin/time -f "%e %U %S %M" -o "$DATA/pg-bench-import-$db.time" "$BIN" import "$BUNDLE" --db "$target" --quiet \
    > "$DATA/pg-bench-import-$db.out"
  read -r SECS USER SYS PEAK < "$DATA/pg-bench-import-$db.time"
  # The importer's own count (a line count would also count the line breaks inside quoted texts).
  ROWS=$(grep -o '^[0-9 ]* rows imported' "$DATA/pg-bench-import-$db.out" | tr -dc '0-9')
  python3 -c "import sys; r,s,u,y,m=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]),int(sys.argv[5]); print(f'import {sys.argv[6]:8}: {s:7.1f} s wall = {r/s:9,.0f} rows/s; client CPU {u+y:.1f} s; peak RSS {m/1024:.0f} MB')" \
    "$ROWS" "$SECS" "$USER" "$SYS" "$PEAK" "$db"
done

LAST=$(sqlite3 "$SQLITE" "select max(date) from account_daily")
MONTH=$(python3 -c "import datetime as d; t=d.date(1970,1,1)+d.timedelta(days=$LAST); m=(t.replace(day=1)-d.timedelta(days=1)); print(m.strftime('%Y-%m'))")
# The first query after an import also runs the cheating detector (cached until the next
# import): one warm-up run per database, not timed.
for target in "$SQLITE" "$PG"; do "$BIN" kpi --period "$MONTH" --db "$target" --format json >/dev/null; done
echo "== kpi queries, month $MONTH, 5 runs each, median wall time"
for args in "--period $MONTH" "--period $MONTH --by format"; do
  python3 - "$BIN" "$SQLITE" "$PG" $args <<'PY'
import subprocess, sys, time, statistics
binary, sqlite, pg, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
out = {}
medians = {}
for name, db in (("sqlite", sqlite), ("postgres", pg)):
    times = []
    for _ in range(5):
        t = time.perf_counter()
        r = subprocess.run([binary, "kpi", *args, "--db", db, "--format", "json"], check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    out[name] = r.stdout
    medians[name] = statistics.median(times)
import json
# The same values (the JSON's key order is not fixed from one run to the next).
same = "same values" if json.loads(out["sqlite"]) == json.loads(out["postgres"]) else "VALUES DIFFER"
print(f"kpi {' '.join(args)}: sqlite {medians['sqlite']:.3f} s, postgres {medians['postgres']:.3f} s "
      f"({medians['postgres'] / medians['sqlite']:.2f}×); {same}")
PY
done
