"""Checks that the peers computed the same values as smmkpi on the metrics they share."""
import json, sys

ours = {m["id"]: m["value"] for m in json.load(open(sys.argv[1]))["metrics"]}
bad = 0
for path in sys.argv[2:]:
    peer = json.load(open(path))["metrics"]
    same = 0
    for k, v in peer.items():
        o = ours.get(k)
        ok = (o is None and v is None) or (o is not None and v is not None and abs(o - v) <= max(1e-9, 1e-6 * abs(v)))
        if ok:
            same += 1
        else:
            bad += 1
            print(f"  {path}: {k} = {v}, smmkpi {o}")
    print(f"{path}: {same}/{len(peer)} metrics equal to smmkpi's")
sys.exit(1 if bad else 0)
