#!/usr/bin/env bash
# The engine tests (import, KPIs, plans, anomalies, sentiment) and the acceptance tests (every
# case of cases.json through the binary) again, on PostgreSQL: the same expected values.
# The store tests run on both databases within `swift test` already.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z ${SMMKPI_TEST_POSTGRES_URL:-} ]]; then
  echo "postgres.check.sh: SKIPPED — no PostgreSQL server (install postgresql, or set SMMKPI_TEST_POSTGRES_URL)" >&2
  exit 0
fi
SMMKPI_TEST_BACKEND=postgres swift test --skip-build --filter 'SMMEngineTests|AcceptanceTests'
