#!/usr/bin/env bash
# `smmkpi db copy` of a home with two workspaces of demo data: SQLite → PostgreSQL → SQLite,
# wall time and rows per second each way.
#   benchmarks/postgres/copy.sh [ACCOUNTS] [DAYS]     default 100 365 (per workspace)
# SMMKPI_BIN: the binary (default: the release build, built when missing).
# The server: SMMKPI_BENCH_POSTGRES_URL (an empty database) when set, else a throwaway cluster
# started by scripts/test.d/postgres.setup.sh with PostgreSQL's default durability settings.
set -euo pipefail
cd "$(dirname "$0")/../.."
ACCOUNTS=${1:-100}
DAYS=${2:-365}
DATA=${BENCH_DATA:-bench-data}
BUNDLE="$DATA/demo-$ACCOUNTS-$DAYS"
BIN=${SMMKPI_BIN:-.build-release/release/smmkpi}
WORK=$(mktemp -d /tmp/smmkpi-copy-bench.XXXXXX)
cleanups=("rm -rf '$WORK'")
source benchmarks/postgres/common.sh

A=$WORK/a.sqlite B=$WORK/b.sqlite
"$BIN" workspace add acme --db "$A" >/dev/null
for ws in default acme; do "$BIN" import "$BUNDLE" --db "$A" --workspace "$ws" --quiet >/dev/null; done
ROWS=$("$BIN" db copy --from "$A" --to "$WORK/count.sqlite" | sed -n 's/^Copied \([0-9 ]*\) rows.*/\1/p' | tr -d ' ')
echo "home with 2 workspaces: $ROWS rows; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); binary $BIN"
for step in "$A $PG sqlite→postgres" "$PG $B postgres→sqlite"; do
  set -- $step
  start=$(date +%s.%N)
  "$BIN" db copy --from "$1" --to "$2" --force >/dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); r=int(sys.argv[3]); print(f'db copy {sys.argv[4]:16}: {s:6.1f} s = {r/s:9,.0f} rows/s')" "$start" "$end" "$ROWS" "$3"
done
