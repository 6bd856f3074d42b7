#!/usr/bin/env bash
# Web benchmark (issue 9): wrk at 50 connections against the KPI API (and the dashboard page when
# one is registered) of `smmkpi serve` on the big demo data (500 accounts × 730 days).
#   benchmarks/web/run.sh [DB]
# DB: an imported big database (default: $BENCH_DATA/bench-500-730.sqlite, made by benchmarks/run.sh).
# It is copied first: serve turns it into a home database (adds the control tables).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${BENCH_DATA:-bench-data}
SRC=${1:-$DATA/bench-500-730.sqlite}
[[ -f $SRC ]] || { echo "no database $SRC: run benchmarks/run.sh first (or give one)"; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
DURATION=${WEB_BENCH_SECONDS:-20}
WORK=$(mktemp -d)
DB="$WORK/home.sqlite"
cp "$SRC" "$DB"

swift build -c release --product smmkpi >/dev/null
BIN=.build/release/smmkpi
printf 'bench-password\n' | SMMKPI_BCRYPT_COST=10 "$BIN" user add bench --role owner --password-stdin --db "$DB" >/dev/null
TOKEN=$("$BIN" user token add bench --db "$DB" 2>/dev/null)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SMMKPI_LOG_LEVEL=warning "$BIN" serve --db "$DB" --port "$PORT" 2>"$WORK/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz')" 2>/dev/null && break; sleep 0.2; done

LAST=$(python3 - "$DB" <<'PY'
import sqlite3, sys, datetime as d
n = sqlite3.connect(sys.argv[1]).execute("select max(date) from account_daily").fetchone()[0]
t = d.date(1970, 1, 1) + d.timedelta(days=n)
print((t.replace(day=1) - d.timedelta(days=1)).strftime("%Y-%m"))
PY
)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%F), period $LAST, $DURATION s per run, 50 connections, 2 threads"
bench() {
  local name=$1 url=$2
  local cold
  cold=$(python3 - "$url" "$TOKEN" <<'PY'
import sys, time, urllib.request
r = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
t = time.time(); body = urllib.request.urlopen(r, timeout=600).read(); print(f"{(time.time()-t)*1000:.0f} ms, {len(body)} bytes")
PY
)
  echo "== $name: first (uncached) request $cold"
  wrk -t2 -c50 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$url" \
    | grep -E 'Requests/sec|Latency  |50%|90%|99%|Non-2xx|Socket errors' | sed 's/^/   /'
}
bench "KPI API, month" "http://127.0.0.1:$PORT/api/v1/workspaces/default/kpi?period=$LAST"
bench "KPI API, month by format" "http://127.0.0.1:$PORT/api/v1/workspaces/default/kpi?period=$LAST&by=format"
if python3 -c "import urllib.request,sys; urllib.request.urlopen(urllib.request.Request('http://127.0.0.1:$PORT/w/default/dashboard?period=$LAST', headers={'Authorization':'Bearer $TOKEN'}))" 2>/dev/null; then
  bench "dashboard page" "http://127.0.0.1:$PORT/w/default/dashboard?period=$LAST"
else
  echo "== dashboard page: not registered in this build (pages land with the webui branch)"
fi
