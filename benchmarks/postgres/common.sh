# Sourced by the PostgreSQL benchmarks (run.sh, copy.sh) after they set ACCOUNTS, DAYS, DATA,
# BUNDLE and BIN: cleanup on exit, the release binary (built when missing), the server in PG
# (SMMKPI_BENCH_POSTGRES_URL, an empty database, when set; else a throwaway cluster started by
# scripts/test.d/postgres.setup.sh with PostgreSQL's default durability settings), and the demo
# bundle (generated when missing). The caller sets `cleanups` (an array of commands) first.
on_cleanup() { cleanups+=("$1"); }
run_cleanups() { local i; for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do eval "${cleanups[i]}" || true; done; }
trap run_cleanups EXIT

mkdir -p "$DATA"
[[ -x $BIN ]] || swift build -c release --scratch-path .build-release --product smmkpi >/dev/null
if [[ -n ${SMMKPI_BENCH_POSTGRES_URL:-} ]]; then
  PG=$SMMKPI_BENCH_POSTGRES_URL
else
  unset SMMKPI_TEST_POSTGRES_URL
  SMMKPI_PG_SERVER_OPTS="-c shared_buffers=1GB -c max_wal_size=4GB" source scripts/test.d/postgres.setup.sh
  PG=${SMMKPI_TEST_POSTGRES_URL:?no PostgreSQL server could be started}
fi
if [[ ! -f "$BUNDLE/accounts.csv" ]]; then
  echo "== generating demo --accounts $ACCOUNTS --days $DAYS"
  "$BIN" demo --accounts "$ACCOUNTS" --days "$DAYS" --out "$BUNDLE" --quiet >/dev/null
fi
