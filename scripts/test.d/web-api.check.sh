#!/usr/bin/env bash
# API fuzzing: schemathesis against /openapi.json of a running `smmkpi serve --demo` (the built
# debug binary), authenticated with the demo owner's API token. Bounded: a few examples per
# operation. Fails on any 5xx, an undocumented status or content type, or a body that does not
# match its schema. One worker: with several threads, hypothesis' lambda printing trips a CPython
# 3.11 ast.parse race ("AST constructor recursion depth mismatch").
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${SMMKPI_BIN:-.build/debug/smmkpi}
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SMMKPI_BCRYPT_COST=4 SMMKPI_LOG_LEVEL=warning "$BIN" serve --demo --demo-accounts 3 --demo-days 120 \
  --port "$PORT" --db "$WORK/home.sqlite" >"$WORK/out" 2>"$WORK/err" &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 240); do
  grep -q 'API token:' "$WORK/out" 2>/dev/null && python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz', timeout=2)" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { echo "smmkpi serve exited:"; cat "$WORK/err"; exit 1; }
  sleep 0.5
done
TOKEN=$(sed -n 's/^ *API token: *//p' "$WORK/out")
[[ -n $TOKEN ]] || { echo "no API token printed by serve --demo"; cat "$WORK/out" "$WORK/err"; exit 1; }
echo "fuzzing http://127.0.0.1:$PORT/openapi.json"
schemathesis run "http://127.0.0.1:$PORT/openapi.json" \
  --header "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "${WEB_FUZZ_EXAMPLES:-25}" --workers 1 --no-color \
  --exclude-path '/api/v1/me/tokens/{token}' \
  --suppress-health-check all
echo "no 5xx, every answer conforms"
