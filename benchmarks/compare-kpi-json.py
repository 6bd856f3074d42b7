#!/usr/bin/env python3
"""Compares the KPI JSON outputs of two runs of benchmarks/kpi-speed.sh (directories of
month.json, month-by-format.json, year.json): parsed JSON must be equal, value for value."""
import json, os, sys

def main(a, b):
    names = sorted(n for n in os.listdir(a) if n.endswith(".json"))
    if not names:
        sys.exit(f"{a} holds no .json output; run benchmarks/kpi-speed.sh with OUT={a} first.")
    bad = 0
    for name in names:
        with open(os.path.join(a, name)) as f: x = json.load(f)
        with open(os.path.join(b, name)) as f: y = json.load(f)
        if x == y:
            print(f"{name}: equal")
        else:
            bad += 1
            print(f"{name}: DIFFERENT")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: compare-kpi-json.py BEFORE_DIR AFTER_DIR")
    main(sys.argv[1], sys.argv[2])
