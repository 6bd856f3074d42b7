#!/usr/bin/env bash
# Regenerates docs/samples (both report kinds in all five formats, on the demo data) and
# docs/screenshots/reports-*.png (the PDF pages at 60 dpi). Needs chromium and poppler-utils.
#   scripts/reports/samples.sh [path/to/smmkpi]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/debug/smmkpi}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/demo.sqlite
"$bin" demo --db "$db" --quiet >/dev/null
# The demo's history ends yesterday: report the last full week and month before today.
week=$(date -u -d '7 days ago' +%G-W%V)
month=$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m)
"$bin" plan new --task leads --period "$month" --name "Leads $month" --save --db "$db" >/dev/null
mkdir -p docs/samples docs/screenshots
# (reports-ru.png and reports-en.png are the web page's screenshots: keep them)
rm -f docs/samples/report-* docs/screenshots/reports-weekly-*.png docs/screenshots/reports-monthly-*.png
for lang in ru en; do
  for format in html md xlsx json pdf; do
    [[ $lang == en && $format != html && $format != pdf ]] && continue
    "$bin" report --kind weekly --period "$week" --lang "$lang" --format "$format" --db "$db" --quiet \
      --out "docs/samples/report-weekly-$lang.$format"
    "$bin" report --kind monthly --period "$month" --plan "Leads $month" --lang "$lang" --format "$format" --db "$db" --quiet \
      --out "docs/samples/report-monthly-$lang.$format"
  done
done
for kind in weekly monthly; do
  # Every page of the Russian PDFs, the first page of the English ones.
  pdftoppm -r 60 -png "docs/samples/report-$kind-ru.pdf" "docs/screenshots/reports-$kind-ru"
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "docs/samples/report-$kind-en.pdf" "docs/screenshots/reports-$kind-en"
done
ls -la docs/samples docs/screenshots | grep -E "report"
