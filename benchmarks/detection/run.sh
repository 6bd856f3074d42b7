#!/usr/bin/env bash
# Cheating detector: precision and recall on planted bundles (tuning seeds, then held-out
# seeds never used for tuning), false alarms on clean demo data, detection time on a year of
# 500 accounts, and `smmkpi anomalies` end to end. Figures go to docs/detection.md.
#   benchmarks/detection/run.sh
#   TUNING=1-10 HELDOUT=101-140 CLEAN_TUNING=1-5 CLEAN=101-120 benchmarks/detection/run.sh
# Bundles and databases are kept per seed in $BENCH_DATA/detection (default bench-data/).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${BENCH_DATA:-bench-data}/detection
mkdir -p "$WORK"

swift build -c release --product detection-bench >/dev/null
swift build -c release --product smmkpi >/dev/null
BENCH=.build/release/detection-bench
BIN=.build/release/smmkpi

echo "== $(date -u +%Y-%m-%d), $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs || sysctl -n machdep.cpu.brand_string)"
echo "== tuning seeds (the thresholds were chosen on these)"
"$BENCH" evaluate --seeds "${TUNING:-1-10}" --clean-seeds "${CLEAN_TUNING:-1-5}" --work "$WORK"
echo
echo "== held-out seeds (never used for tuning)"
"$BENCH" evaluate --seeds "${HELDOUT:-101-140}" --clean-seeds "${CLEAN:-101-120}" --work "$WORK" --json "$WORK/heldout.json"
echo
echo "== detection time, 500 accounts × 365 days (release build)"
"$BENCH" timing --accounts 500 --days 365 --work "$WORK" --repeat 5
echo
echo "== smmkpi anomalies end to end on the same database, cache dropped before each run"
DB="$WORK/clean-500x365-seed42/db.sqlite"
for _ in 1 2 3; do
  sqlite3 "$DB" "DELETE FROM meta WHERE key = 'detection_cache_key'"
  /usr/bin/time -f "anomalies (detecting): %e s wall, %M KB peak" "$BIN" anomalies --db "$DB" --format json > /dev/null
done
/usr/bin/time -f "anomalies (cached): %e s wall, %M KB peak" "$BIN" anomalies --db "$DB" --format json > /dev/null
