#!/usr/bin/env bash
# The engine tests (import, KPIs, plans, anomalies, sentiment, report schedules, connections) and
# the acceptance tests (every case of cases.json through the binary, the schedule and connect
# commands) and the web server tests (API, pages, authorization matrix; each site in a fresh
# database) again, on PostgreSQL: the same expected values. The store tests run on both
# databases within `swift test` already.
# At the end, even on failure, the test databases and schemas (t_*) the tests made are dropped.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z ${SMMKPI_TEST_POSTGRES_URL:-} ]]; then
  echo "postgres.check.sh: SKIPPED — no PostgreSQL server (install postgresql, or set SMMKPI_TEST_POSTGRES_URL)" >&2
  exit 0
fi

drop_test_objects() {
  local psql
  psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z $psql ]]; then
    echo "postgres.check.sh: psql is not installed; the t_* test databases and schemas stay on the server" >&2
    return 0
  fi
  local q=("$psql" "$SMMKPI_TEST_POSTGRES_URL" -qAtX -v ON_ERROR_STOP=1)
  export PGOPTIONS="-c client_min_messages=warning"
  local name n=0
  # One statement each: dropping hundreds at once would need more locks than one transaction has.
  for name in $("${q[@]}" -c "SELECT datname FROM pg_database WHERE datname LIKE 't\_%'"); do
    "${q[@]}" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" && n=$((n + 1))
  done
  for name in $("${q[@]}" -c "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\_%'"); do
    "${q[@]}" -c "DROP SCHEMA IF EXISTS \"$name\" CASCADE" && n=$((n + 1))
  done
  echo "postgres.check.sh: dropped $n test databases and schemas (t_*)"
}
trap drop_test_objects EXIT

SMMKPI_TEST_BACKEND=postgres swift test --skip-build --filter 'SMMEngineTests|AcceptanceTests'
# The web tests in a run of their own: beside the engine and acceptance suites, two cores and one
# server answer a live request slower than the test client's 15 s read timeout.
SMMKPI_TEST_BACKEND=postgres swift test --skip-build --filter 'SMMServerTests'
