#!/usr/bin/env bash
# Reports, checked from outside Swift: every format generated for the example bundle with the
# built binary; the XLSX opened by openpyxl with the same numbers as `kpi --format json` (stored
# as numbers); the PDF has pages and the period label (pdftotext); HTML has charts and labels.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${SMMKPI_BIN:-.build/debug/smmkpi}
spec=${SMMKPI_SPEC_DIR:-../shared/spec/examples}
[[ -d $spec/small-bundle ]] || spec=$spec/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/r.sqlite
"$bin" import "$spec/small-bundle" --db "$db" --quiet >/dev/null

for kind_period in weekly:2024-W48 monthly:2024-11; do
  kind=${kind_period%%:*} period=${kind_period#*:}
  for lang in ru en; do
    for format in html md xlsx json pdf; do
      "$bin" report --kind "$kind" --period "$period" --lang "$lang" --format "$format" \
        --out "$work/$kind-$lang.$format" --db "$db" --quiet
    done
  done
  "$bin" kpi --period "$period" --format json --db "$db" > "$work/$kind-kpi.json"
done

python3 - "$work" <<'PY'
import json, sys, openpyxl
work = sys.argv[1]
for kind in ("weekly", "monthly"):
    kpi = {m["id"]: m for m in json.load(open(f"{work}/{kind}-kpi.json"))["metrics"]}
    for lang in ("ru", "en"):
        # JSON: the numbers behind the report equal kpi --format json.
        rep = json.load(open(f"{work}/{kind}-{lang}.json"))
        for mid, m in kpi.items():
            got = rep["metrics"][mid]
            assert got["value"] == m["value"] and got["previous"] == m["previous"], (kind, lang, mid, got, m)
        # XLSX: the sheet of all metrics holds the same numbers, stored as numbers with formats.
        wb = openpyxl.load_workbook(f"{work}/{kind}-{lang}.xlsx")
        title = "Все показатели" if lang == "ru" else "All metrics"
        ws = wb[title]
        assert ws.freeze_panes == "A2", ws.freeze_panes
        header = [c.value for c in ws[1]]
        assert header[0] in ("Код", "ID"), header
        seen = 0
        for row in ws.iter_rows(min_row=2):
            mid = row[0].value
            if mid not in kpi:
                continue
            seen += 1
            for cell, key in ((row[2], "value"), (row[3], "previous")):
                want = kpi[mid][key]
                if want is None:
                    assert cell.value is None, (mid, key, cell.value)
                else:
                    assert isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), (mid, key, cell.value)
                    assert float(cell.value) == want, (kind, lang, mid, key, cell.value, want)
                    assert cell.number_format != "General", (mid, cell.number_format)
        assert seen == len(kpi), (seen, len(kpi))
        pct = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "er_reach")[2]
        assert "%" in pct.number_format, pct.number_format
        assert len(wb.sheetnames) >= 8, wb.sheetnames
        # HTML: inline SVG charts, the language's labels, nothing external.
        html = open(f"{work}/{kind}-{lang}.html", encoding="utf-8").read()
        assert html.count("<svg") >= 4 and "<script" not in html, kind
        label = "Ключевые показатели" if lang == "ru" else "Key metrics"
        assert label in html, (lang, label)
        md = open(f"{work}/{kind}-{lang}.md", encoding="utf-8").read()
        assert md.startswith("# ") and "| ---" in md
print("reports: JSON and XLSX numbers equal kpi --format json; HTML and Markdown look right")
PY

for kind_period in weekly:2024-W48 monthly:2024-11; do
  kind=${kind_period%%:*} period=${kind_period#*:}
  for lang in ru en; do
    pdf=$work/$kind-$lang.pdf
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    [[ $pages -ge 2 ]] || { echo "reports: $pdf has $pages pages" >&2; exit 1; }
    pdftotext -layout "$pdf" "$work/$kind-$lang.txt"
    grep -q "$period" "$work/$kind-$lang.txt" || { echo "reports: $pdf does not show $period" >&2; exit 1; }
  done
done
grep -q "Ежемесячный обзор SMM" "$work/monthly-ru.txt"
grep -q "Weekly SMM snapshot" "$work/weekly-en.txt"

# Without Chromium, PDF is a sentence naming the install command and writes nothing.
if SMMKPI_CHROMIUM=/nonexistent "$bin" report --kind weekly --period 2024-W48 --format pdf --out "$work/none.pdf" --db "$db" 2>"$work/err"; then
  echo "reports: PDF without Chromium succeeded" >&2; exit 1
fi
grep -q "apt-get install chromium" "$work/err"
[[ ! -e $work/none.pdf ]]
echo "reports: PDF pages and period labels present; missing Chromium explained"
