#!/usr/bin/env bash
# Import and KPI benchmark on the big demo data (issue: 500 accounts × 730 days ≈ 7.5 M rows).
# Prints rows/s and peak memory of the import, KPI query times, and the peers' times.
#   benchmarks/run.sh [ACCOUNTS] [DAYS]
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${1:-500}
DAYS=${2:-730}
DATA=${BENCH_DATA:-bench-data}
BUNDLE="$DATA/demo-$ACCOUNTS-$DAYS"
DB="$DATA/bench-$ACCOUNTS-$DAYS.sqlite"
mkdir -p "$DATA"

swift build -c release --product smmkpi >/dev/null
BIN=.build/release/smmkpi

if [[ ! -f "$BUNDLE/accounts.csv" ]]; then
  echo "== generating demo --accounts $ACCOUNTS --days $DAYS"
  /usr/bin/time -f "generate: %e s wall, %M KB peak" "$BIN" demo --accounts "$ACCOUNTS" --days "$DAYS" --out "$BUNDLE" --quiet | tail -1
fi
ROWS=$(for f in "$BUNDLE"/*.csv; do tail -n +2 "$f" | wc -l; done | awk '{s+=$1} END {print s}')
echo "bundle: $ROWS data rows, $(du -sh "$BUNDLE" | cut -f1)"

rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== import (fresh database)"
/usr/bin/time -f "%e %M" -o "$DATA/import.time" "$BIN" import "$BUNDLE" --db "$DB" --quiet > "$DATA/import.out"
read -r SECS PEAK < "$DATA/import.time"
python3 - "$ROWS" "$SECS" "$PEAK" <<'PY'
import sys
rows, secs, peak = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"import: {rows} rows in {secs:.1f} s = {rows/secs:,.0f} rows/s, peak RSS {peak/1024:.0f} MB")
PY

LAST=$(sqlite3 "$DB" "select max(date) from account_daily")
MONTH=$(python3 -c "import datetime as d; t=d.date(1970,1,1)+d.timedelta(days=$LAST); m=(t.replace(day=1)-d.timedelta(days=1)); print(m.strftime('%Y-%m'))")
YEAR=$(python3 -c "print('$MONTH'[:4])")
echo "== kpi queries (month $MONTH, year $YEAR), 5 runs each, median"
for args in "--period $MONTH" "--period $MONTH --by format" "--period $YEAR"; do
  python3 - "$BIN" "$DB" $args <<'PY'
import subprocess, sys, time, statistics
binary, db, args = sys.argv[1], sys.argv[2], sys.argv[3:]
times = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run([binary, "kpi", *args, "--db", db, "--format", "json"], check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - t)
print(f"kpi {' '.join(args)}: median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f})")
PY
done
"$BIN" kpi --period "$MONTH" --db "$DB" --format json > "$DATA/smmkpi-month.json"

if python3 -c "import duckdb, pandas" 2>/dev/null; then
  echo "== peers (end to end from the CSVs, month $MONTH)"
  for peer in duckdb pandas; do
    /usr/bin/time -f "%e %M" -o "$DATA/$peer.time" python3 benchmarks/peers/${peer}_kpi.py "$BUNDLE" --period "$MONTH" > "$DATA/$peer-month.json"
    read -r S M < "$DATA/$peer.time"
    echo "$peer: $S s wall, peak RSS $((M / 1024)) MB"
  done
  python3 benchmarks/compare.py "$DATA/smmkpi-month.json" "$DATA/duckdb-month.json" "$DATA/pandas-month.json"
else
  echo "(peers skipped: pip install duckdb pandas)"
fi
