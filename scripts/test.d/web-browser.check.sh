#!/usr/bin/env bash
# Browser tests of the web pages: headless Chromium driven by selenium against the built
# `smmkpi serve --demo` (log in, switch language, change period, open a plan, confirm an
# anomaly, upload a bad zip). Screenshots go to .build/test-artifacts/webui/.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/webui/browser_test.py --binary .build/debug/smmkpi --artifacts .build/test-artifacts/webui --demo-days 365
