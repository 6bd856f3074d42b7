#!/usr/bin/env bash
# Times `smmkpi report` in every format on the demo database (default size).
#   benchmarks/reports.sh [path/to/smmkpi]   (use a release build for figures you publish)
set -euo pipefail
bin=${1:-.build/release/smmkpi}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" demo --db "$work/demo.sqlite" --quiet >/dev/null
week=$(date -u -d '7 days ago' +%G-W%V)
month=$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m)
printf '%-8s %-6s %8s %10s\n' kind format wall bytes
for format in html md xlsx json pdf; do
  for kp in "weekly $week" "monthly $month"; do
    set -- $kp
    start=$(date +%s.%N)
    "$bin" report --kind "$1" --period "$2" --format "$format" --out "$work/r.$format" --db "$work/demo.sqlite" --quiet
    end=$(date +%s.%N)
    printf '%-8s %-6s %7.2fs %10d\n' "$1" "$format" "$(echo "$end - $start" | bc)" "$(stat -c %s "$work/r.$format")"
  done
done
