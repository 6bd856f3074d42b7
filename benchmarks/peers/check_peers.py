#!/usr/bin/env python3
"""Correctness check of the benchmark peers against the spec's expected outputs.

Runs duckdb_kpi.py and pandas_kpi.py on the example bundle for 2024-11, 2024-12 and
2024-W50 and compares every metric a peer prints with `value` in
expected/kpi-<period>.json (relative tolerance 1e-6, absolute 1e-9 near zero; null must be
null). Prints a table; exits 1 on any mismatch, on a metric missing from the expected
file, or when a peer fails.

Usage: check_peers.py [--spec-examples /work/shared/spec/examples] [--peer duckdb|pandas ...]
"""
import argparse
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = {"duckdb": os.path.join(HERE, "duckdb_kpi.py"), "pandas": os.path.join(HERE, "pandas_kpi.py")}
PERIODS = ["2024-11", "2024-12", "2024-W50"]
REL, ABS = 1e-6, 1e-9


def same(expected, actual):
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    e, a = float(expected), float(actual)
    return math.isclose(a, e, rel_tol=REL, abs_tol=ABS)


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, float):
        return f"{v:.10g}"
    return str(v)


def run_peer(script, bundle, period):
    p = subprocess.run([sys.executable, script, bundle, "--period", period],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{os.path.basename(script)} --period {period} failed "
                           f"(exit {p.returncode}):\n{p.stderr.strip()}")
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec-examples", default="/work/shared/spec/examples")
    ap.add_argument("--peer", action="append", choices=sorted(PEERS),
                    help="peer to check (repeatable; default: all)")
    args = ap.parse_args()
    peers = args.peer or sorted(PEERS)
    bundle = os.path.join(args.spec_examples, "small-bundle")

    failures = 0
    rows = []
    computed = {p: set() for p in peers}
    for period in PERIODS:
        with open(os.path.join(args.spec_examples, "expected", f"kpi-{period}.json"), encoding="utf-8") as f:
            expected = {m["id"]: m["value"] for m in json.load(f)["metrics"]}
        results = {}
        for peer in peers:
            try:
                results[peer] = run_peer(PEERS[peer], bundle, period)
            except Exception as e:  # noqa: BLE001 - report and count as failure
                print(f"ERROR {e}", file=sys.stderr)
                failures += 1
                results[peer] = {"metrics": {}}
        ids = sorted(set().union(*(r["metrics"].keys() for r in results.values())))
        for mid in ids:
            cells, ok = [], True
            for peer in peers:
                got = results[peer]["metrics"]
                if mid not in got:
                    cells.append("-")
                    continue
                computed[peer].add(mid)
                if mid not in expected:
                    ok = False
                    cells.append(f"{fmt(got[mid])} (not in expected)")
                elif same(expected[mid], got[mid]):
                    cells.append(fmt(got[mid]))
                else:
                    ok = False
                    cells.append(f"{fmt(got[mid])} !=")
            failures += 0 if ok else 1
            rows.append([period, mid, fmt(expected.get(mid, "?")), *cells, "ok" if ok else "MISMATCH"])

    header = ["period", "metric", "expected", *peers, "status"]
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))  # noqa: E731
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
    print()
    for peer in peers:
        print(f"{peer}: {len(computed[peer])} metrics computed")
    print("PASS" if failures == 0 else f"FAIL: {failures} mismatching rows or errors")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
