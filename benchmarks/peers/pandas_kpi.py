#!/usr/bin/env python3
"""pandas benchmark peer: core smmkpi metrics straight from a bundle's CSV files.

Usage: pandas_kpi.py BUNDLE_DIR --period 2024-11

Period: YYYY-MM, ISO week YYYY-Www, YYYY-Qn, YYYY, or FROM..TO (dates, both included).
Scope: all accounts; current period only. Prints JSON
{"metrics": {...}, "seconds": {"load": x, "compute": y, "total": z}, ...} to stdout.

Phases (timed with time.perf_counter):
  load    - pandas.read_csv (C engine, every value as text, only the needed columns) and
            vectorised parsing into typed, deduplicated frames: values trimmed, empty =
            NaN, datetimes to UTC instants (no zone: the bundle's time zone), repeated keys
            resolved by "the last row wins" (what an importer does);
  compute - every metric for the period (masks, latest post_metrics snapshot, joins,
            aggregates, word rule).
No Python loops over rows: only pandas/numpy vectorised operations (pandas' own string
methods run element-wise in C/Python internally, as they do for any pandas user).
Definitions: /work/shared/spec/kpi-catalog.md and bundle-format.md (see README.md).
"""
import argparse
import calendar
import csv
import datetime as dt
import json
import os
import re
import sys
import time
import unicodedata
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

NETWORKS = ["vk", "telegram", "dzen", "ok", "instagram", "facebook", "x", "youtube",
            "tiktok", "rutube", "max"]  # network codes other than `other`: social sources

# Unicode White_Space (bundle-format.md: every value is trimmed of it).
WS = ("\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
      "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
TRUE = ["true", "1", "yes"]


# ---------------------------------------------------------------- period
from period import parse_period  # noqa: E402  (shared with the other peer)


# ---------------------------------------------------------------- words
def count_words(texts):
    """Words per text (kpi-catalog.md "Words"): a word is a maximal run of L*, M* and Nd
    characters that holds at least one letter (L*).

    Vectorised with numpy over the code points of all texts at once (Python's `re` has no
    \\p{..} classes, and a regex over large Unicode classes is ~10x slower). NFC
    normalisation is skipped: composing a base with its marks never changes which
    characters form runs, so it cannot change a count."""
    s = texts.fillna("")
    n = len(s)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    cp = np.frombuffer("\n".join(s.to_numpy(dtype=object)).encode("utf-32-le"), dtype=np.uint32)
    present = np.flatnonzero(np.bincount(cp))
    table = np.zeros(present[-1] + 1 if len(present) else 0, dtype=np.int8)
    for c in present.tolist():  # the distinct code points only (a few hundred)
        k = unicodedata.category(chr(c))
        table[c] = 1 if k[0] == "L" else (2 if k[0] == "M" or k == "Nd" else 0)
    cls = table[cp]                       # 0 separator, 1 letter, 2 mark or decimal digit
    inrun = cls > 0
    start = inrun.copy()
    start[1:] &= ~inrun[:-1]
    starts = np.flatnonzero(start)
    if len(starts) == 0:
        return np.zeros(n, dtype=np.int64)
    # segment i runs from run i's start to run i+1's start: run i plus separators
    has_letter = np.logical_or.reduceat(cls == 1, starts)
    offsets = np.concatenate(([0], np.cumsum(s.str.len().to_numpy(dtype=np.int64) + 1)[:-1]))
    text_idx = np.searchsorted(offsets, starts[has_letter], side="right") - 1
    return np.bincount(text_idx, minlength=n)


# ---------------------------------------------------------------- loading
def read_header(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        row = next(csv.reader(f), None)
    return [h.strip(WS).lower() for h in (row or [])]


def trim(s):
    """Strip Unicode white space; empty -> NaN."""
    s = s.str.strip(WS)
    return s.mask(s == "")


def via_uniques(s, f):
    """Apply f to the distinct values only and map back (hash lookup): the fast way to
    normalise a low-cardinality column (dates, booleans, sources, statuses)."""
    u = s.dropna().unique()
    if len(u) == 0:  # header-only file or an all-empty column
        return f(pd.Series(np.nan, index=s.index, dtype=object))
    return s.map(pd.Series(np.asarray(f(pd.Series(u, dtype=object))), index=u))


def norm_date(u):
    return pd.to_datetime(trim(u), format="%Y-%m-%d")


def norm_bool(u):
    """true/1/yes (case-insensitive) -> True; anything else -> False (empty: NaN here,
    read as False by the caller where the column has a default)."""
    return trim(u).str.lower().isin(TRUE)


def norm_lower(u):
    return trim(u).str.lower()


def norm_enum(u):
    return trim(u)


def zone_marked(s):
    """True where a (trimmed) datetime string carries a zone: Z, + or - after
    'YYYY-MM-DDTHH:MM' (position 16 on). Vectorised over a fixed-width byte view; the
    strings are ASCII when valid (a non-ASCII one makes astype fail, then re-checked the
    slow way)."""
    arr = s.to_numpy(dtype=object, na_value="")
    try:
        b = arr.astype("S40")
    except UnicodeEncodeError:
        return s.str.slice(16).str.contains("[Z+-]", regex=True, na=False).to_numpy()
    m = b.view(np.uint8).reshape(len(b), 40)[:, 16:]
    return ((m == ord("Z")) | (m == ord("+")) | (m == ord("-"))).any(axis=1)


class Loader:
    """Reads the CSV files of a bundle into typed frames.

    Column kinds: id (trimmed text), text (raw: only used to count words, which trimming
    cannot change), num (float64, NaN = null), date, dt (UTC instant), bool (NaN/False
    default), low (trimmed, lower case: network codes, sources), enum (trimmed, exact)."""

    def __init__(self, bundle, tzname):
        self.bundle = bundle
        self.tz = tzname
        self.cols = {}    # file -> columns in its header
        self.filled = {}  # file -> columns non-empty in at least one row

    def read(self, name, spec):
        """name.csv as a typed DataFrame with every column of spec (absent ones all-NaN);
        None when the file is absent."""
        path = os.path.join(self.bundle, name + ".csv")
        if not os.path.exists(path):
            return None
        header = read_header(path)
        names = [h if h and h not in header[:i] else f"__col{i}" for i, h in enumerate(header)]
        present = [c for c in spec if c in names]
        self.cols[name] = set(present)
        kw = dict(header=0, names=names, usecols=present, keep_default_na=False, na_values=[""],
                  encoding="utf-8-sig", engine="c")
        try:  # numbers parsed by the C reader (it skips ASCII blanks around them)
            df = pd.read_csv(path, dtype={c: ("float64" if spec[c] == "num" else str) for c in present}, **kw)
        except ValueError:  # e.g. a no-break space around a number: trim as text first
            df = pd.read_csv(path, dtype=str, **kw)
            for c in present:
                if spec[c] == "num":
                    df[c] = pd.to_numeric(trim(df[c])).astype("float64")
        out = pd.DataFrame(index=df.index)
        for c, kind in spec.items():
            if c not in present:
                col = pd.Series(np.nan, index=df.index, dtype="float64" if kind == "num" else object)
                out[c] = self.ts(col) if kind == "dt" else (col.fillna(False).astype(bool) if kind == "bool" else col)
                continue
            col = df[c]
            if kind == "id":
                out[c] = trim(col)
            elif kind in ("text", "num"):
                out[c] = col
            elif kind == "date":
                out[c] = via_uniques(col, norm_date).astype("datetime64[ns]")
            elif kind == "bool":
                out[c] = via_uniques(col, norm_bool).fillna(False).astype(bool)
            elif kind == "low":
                out[c] = via_uniques(col, norm_lower)
            elif kind == "enum":
                out[c] = via_uniques(col, norm_enum)
            elif kind == "dt":
                out[c] = self.ts(trim(col))
            else:
                raise ValueError(kind)
        # columns with a value in at least one row of the file (before "the last row wins")
        self.filled[name] = {c for c in present if out[c].notna().any()}
        return out

    def ts(self, s):
        """Trimmed datetime strings -> UTC instants (datetime64[ns, UTC]); no zone: bundle
        time zone.

        Zoned values (Z, +HH:MM, +HHMM, +HH) parse straight to UTC; zone-less ones are
        localised: a repeated local time takes the earlier offset (ambiguous=True: the
        first occurrence), a skipped one moves forward by the length of the gap."""
        out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns, UTC]")
        if len(s) == 0 or s.isna().all():
            return out
        zoned = zone_marked(s)
        naive_mask = ~zoned & s.notna().to_numpy()
        if zoned.any():
            out[zoned] = pd.to_datetime(s[zoned], format="ISO8601", utc=True).astype("datetime64[ns, UTC]")
        if naive_mask.any():
            naive = pd.to_datetime(s[naive_mask], format="ISO8601").astype("datetime64[ns]")
            if self.tz == "UTC":
                loc = naive.dt.tz_localize("UTC")
            else:
                loc = naive.dt.tz_localize(self.tz, ambiguous=np.ones(len(naive), dtype=bool),
                                           nonexistent="NaT")
                gap = loc.isna() & naive.notna()
                if gap.any():  # in a DST gap: use the offset in force before the gap
                    before = (naive[gap] - pd.Timedelta(days=1)).dt.tz_localize(
                        self.tz, ambiguous=True, nonexistent="shift_forward")
                    off = before.dt.tz_localize(None) - before.dt.tz_convert("UTC").dt.tz_localize(None)
                    loc[gap] = (naive[gap] - off).dt.tz_localize("UTC").dt.tz_convert(self.tz)
            out[naive_mask] = loc.dt.tz_convert("UTC").astype("datetime64[ns, UTC]")
        return out


def load_bundle(bundle, tzname):
    """Typed frames, repeated keys resolved (the last row wins), as an importer would."""
    L = Loader(bundle, tzname)
    T = {}

    def put(name, spec, key=None):
        df = L.read(name, spec)
        if df is not None:
            T[name] = df.drop_duplicates(key, keep="last") if key else df

    put("posts", {"post_id": "id", "published_at": "dt"}, "post_id")
    # The latest snapshot per post is picked in compute (file order breaks ties, so the
    # (post_id, collected_at) key dedup is implied).
    put("post_metrics", {"post_id": "id", "collected_at": "dt", "impressions": "num", "reach": "num",
                         "likes": "num", "comments": "num", "reposts": "num", "saves": "num", "clicks": "num"})
    put("comments", {"comment_id": "id", "post_id": "id", "created_at": "dt", "from_brand": "bool",
                     "text": "text"}, "comment_id")
    put("account_daily", {"account_id": "id", "date": "date", "joined": "num", "left": "num", "reach": "num",
                          "views": "num"}, ["account_id", "date"])
    put("ad_spend", {"date": "date", "campaign": "id", "spend": "num", "network": "low", "account_id": "id",
                     "impressions": "num", "clicks": "num"}, ["date", "campaign", "account_id", "network"])
    put("other_costs", {"date": "date", "amount": "num"})
    put("web_sessions", {"date": "date", "source": "low", "medium": "id", "campaign": "id", "content": "id",
                         "sessions": "num", "bounces": "num", "goal_completions": "num"},
        ["date", "source", "medium", "campaign", "content"])
    put("leads", {"lead_id": "id", "created_at": "dt", "source": "low", "qualified": "bool"}, "lead_id")
    put("deals", {"deal_id": "id", "closed_at": "dt", "amount": "num", "lead_id": "id", "status": "enum"},
        "deal_id")
    put("messages", {"message_id": "id", "received_at": "dt", "first_response_at": "dt"}, "message_id")
    put("mentions", {"mention_id": "id", "published_at": "dt", "reach": "num"}, "mention_id")
    put("reviews", {"review_id": "id", "created_at": "dt", "rating": "num"}, "review_id")
    put("work_log", {"date": "date", "hours": "num"})
    return T, L.cols, L.filled


# ---------------------------------------------------------------- compute
def compute(T, cols, filled, tzname, first, last):
    M = {}

    def nonempty(name):
        return name in T and len(T[name]) > 0

    def has_col(name, col):
        """The column is in the header and non-empty in at least one row of the file."""
        return col in filled.get(name, ())

    def ratio(num, den, scale=1.0):
        if num is None or den is None or pd.isna(num) or pd.isna(den) or den == 0:
            return None
        return float(num) / float(den) * scale

    def plus0(v):
        return 0 if v is None else v

    def local_midnight(d):
        return pd.Timestamp(d).tz_localize(tzname, ambiguous=True, nonexistent="shift_forward").tz_convert("UTC")

    S, E = local_midnight(first), local_midnight(last + dt.timedelta(days=1))
    D0, D1 = pd.Timestamp(first), pd.Timestamp(last)

    def inP(s):  # local date of the instant in P
        return (s >= S) & (s < E)

    def dP(s):
        return (s >= D0) & (s <= D1)

    # ---- posts and their latest snapshots
    posts_ok = nonempty("posts")
    if posts_ok:
        posts = T["posts"]
        p = posts.loc[inP(posts["published_at"]), ["post_id"]]
        M["posts_published"] = len(p)
    else:
        M["posts_published"] = None
    post_keys = ["reach_total", "impressions_total", "interactions_total", "likes_total",
                 "reposts_total", "er_reach", "ctr"]
    if posts_ok and nonempty("post_metrics"):
        pm = T["post_metrics"]
        pm = pm[pm["post_id"].isin(p["post_id"])]
        # latest collected_at per post; stable sort keeps file order, so on a tie the later row is last
        latest = pm.sort_values("collected_at", kind="stable").drop_duplicates("post_id", keep="last")
        j = p.merge(latest, on="post_id", how="inner")
        quad = j[["likes", "comments", "reposts", "saves"]]
        inter = quad.sum(axis=1, min_count=1)
        ok_er = inter.notna() & j["reach"].notna()
        ok_ctr = j["clicks"].notna() & j["impressions"].notna()
        inter_ok = any(has_col("post_metrics", c) for c in ("likes", "comments", "reposts", "saves"))
        M["reach_total"] = j["reach"].sum() if has_col("post_metrics", "reach") else None
        M["impressions_total"] = j["impressions"].sum() if has_col("post_metrics", "impressions") else None
        M["interactions_total"] = inter.sum() if inter_ok else None
        M["likes_total"] = j["likes"].sum() if has_col("post_metrics", "likes") else None
        M["reposts_total"] = j["reposts"].sum() if has_col("post_metrics", "reposts") else None
        M["er_reach"] = ratio(inter[ok_er].sum(), j.loc[ok_er, "reach"].sum(), 100)
        M["ctr"] = ratio(j.loc[ok_ctr, "clicks"].sum(), j.loc[ok_ctr, "impressions"].sum(), 100)
    else:
        M.update(dict.fromkeys(post_keys))

    # ---- comments (on posts of the bundle, not from the brand)
    if posts_ok and nonempty("comments"):
        c = T["comments"]
        c = c[inP(c["created_at"]) & ~c["from_brand"] & c["post_id"].isin(T["posts"]["post_id"])]
        M["comments_count"] = len(c)
        M["meaningful_comments"] = int((count_words(c["text"]) >= 4).sum())
    else:
        M["comments_count"] = M["meaningful_comments"] = None

    # ---- account_daily (null when no row dated in P)
    if nonempty("account_daily"):
        a = T["account_daily"]
        a = a[dP(a["date"])]
        for k, col in (("followers_joined", "joined"), ("followers_left", "left"),
                       ("account_reach", "reach"), ("account_views", "views")):
            M[k] = a[col].sum() if len(a) > 0 and has_col("account_daily", col) else None
    else:
        M.update(dict.fromkeys(["followers_joined", "followers_left", "account_reach", "account_views"]))

    # ---- advertising and costs
    if nonempty("ad_spend"):
        a = T["ad_spend"]
        a = a[dP(a["date"])]
        M["ad_spend"] = a["spend"].sum()
        M["ad_clicks"] = a["clicks"].sum() if has_col("ad_spend", "clicks") else None
        M["ad_impressions"] = a["impressions"].sum() if has_col("ad_spend", "impressions") else None
        ck, im = a["clicks"].notna(), a["impressions"].notna()
        M["cpc"] = ratio(a.loc[ck, "spend"].sum(), a.loc[ck, "clicks"].sum())
        M["cpm"] = ratio(a.loc[im, "spend"].sum(), a.loc[im, "impressions"].sum(), 1000)
    else:
        M.update(dict.fromkeys(["ad_spend", "ad_clicks", "ad_impressions", "cpc", "cpm"]))
    if nonempty("other_costs"):
        o = T["other_costs"]
        M["other_costs"] = o.loc[dP(o["date"]), "amount"].sum()
    else:
        M["other_costs"] = None
    M["total_cost"] = (None if M["ad_spend"] is None and M["other_costs"] is None
                       else plus0(M["ad_spend"]) + plus0(M["other_costs"]))

    # ---- web traffic (null when no web_sessions row dated in P, any source)
    if nonempty("web_sessions"):
        w = T["web_sessions"]
        w = w[dP(w["date"])]
        rows = len(w) > 0
        w = w[w["source"].isin(NETWORKS)]
        M["social_sessions"] = w["sessions"].sum() if rows and has_col("web_sessions", "sessions") else None
        M["goal_completions"] = (w["goal_completions"].sum()
                                 if rows and has_col("web_sessions", "goal_completions") else None)
        b = w["bounces"].notna()
        M["bounce_rate"] = ratio(w.loc[b, "bounces"].sum(), w.loc[b, "sessions"].sum(), 100)
    else:
        M["social_sessions"] = M["goal_completions"] = M["bounce_rate"] = None

    # ---- leads and sales
    if nonempty("leads"):
        ld = T["leads"]
        social = ld["source"].isin(NETWORKS)
        lp = ld[social & inP(ld["created_at"])]
        M["leads"] = len(lp)
        M["qualified_leads"] = int(lp["qualified"].sum()) if "qualified" in cols["leads"] else None
    else:
        M["leads"] = M["qualified_leads"] = None
    if nonempty("leads") and nonempty("deals"):
        d = T["deals"]
        won = d["status"].isna() | (d["status"] == "won")
        s = d[won & inP(d["closed_at"]) & d["lead_id"].isin(ld.loc[social, "lead_id"])]
        M["sales"], M["revenue"] = len(s), s["amount"].sum()
    else:
        M["sales"] = M["revenue"] = None
    M["cpl"] = None if M["total_cost"] is None else ratio(M["total_cost"], M["leads"])
    M["roas"] = None if M["revenue"] is None else ratio(M["revenue"], M["ad_spend"], 100)
    M["roi"] = (None if M["revenue"] is None or M["total_cost"] is None
                else ratio(M["revenue"] - M["total_cost"], M["total_cost"], 100))

    # ---- service
    if nonempty("messages"):
        m = T["messages"]
        m = m[inP(m["received_at"])]
        fr = "first_response_at" in cols["messages"]
        minutes = (m["first_response_at"] - m["received_at"]).dt.total_seconds() / 60.0
        M["inquiries"] = len(m)
        M["unanswered"] = int(m["first_response_at"].isna().sum()) if fr else None
        M["response_sla_rate"] = ratio(int((minutes <= 24 * 60).sum()), len(m), 100) if fr else None
        med = minutes.median()
        M["median_response_minutes"] = (None if pd.isna(med) else float(med)) if fr else None
    else:
        M.update(dict.fromkeys(["inquiries", "unanswered", "response_sla_rate", "median_response_minutes"]))

    # ---- brand and reputation
    if nonempty("mentions"):
        mn = T["mentions"]
        mn = mn[inP(mn["published_at"])]
        M["brand_mentions"] = len(mn)
        M["mention_reach"] = mn["reach"].sum() if has_col("mentions", "reach") else None
    else:
        M["brand_mentions"] = M["mention_reach"] = None
    if nonempty("reviews"):
        rv = T["reviews"]
        rv = rv[inP(rv["created_at"])]
        M["reviews_count"] = len(rv)
        avg = rv["rating"].mean()
        M["avg_rating"] = None if pd.isna(avg) else float(avg)
    else:
        M["reviews_count"] = M["avg_rating"] = None

    # ---- labour
    if nonempty("work_log"):
        wl = T["work_log"]
        M["hours_spent"] = wl.loc[dP(wl["date"]), "hours"].sum()
    else:
        M["hours_spent"] = None
    return M


COUNTS = {"posts_published", "reach_total", "impressions_total", "interactions_total", "likes_total",
          "reposts_total", "comments_count", "meaningful_comments", "followers_joined", "followers_left",
          "account_reach", "account_views", "ad_clicks", "ad_impressions", "social_sessions",
          "goal_completions", "leads", "qualified_leads", "sales", "inquiries", "unanswered",
          "brand_mentions", "mention_reach", "reviews_count"}


def jsonable(k, v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    return int(v) if k in COUNTS else float(v)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle")
    ap.add_argument("--period", required=True)
    args = ap.parse_args(argv)
    first, last = parse_period(args.period)

    t0 = time.perf_counter()
    tzname = "UTC"
    mpath = os.path.join(args.bundle, "manifest.json")
    if os.path.exists(mpath):
        with open(mpath, encoding="utf-8-sig") as f:
            tzname = json.load(f).get("timezone") or "UTC"
    ZoneInfo(tzname)  # validate
    T, cols, filled = load_bundle(args.bundle, tzname)
    t1 = time.perf_counter()
    metrics = compute(T, cols, filled, tzname, first, last)
    t2 = time.perf_counter()
    out = {
        "peer": "pandas",
        "version": pd.__version__,
        "period": {"label": args.period, "from": first.isoformat(), "to": last.isoformat()},
        "timezone": tzname,
        "metrics": {k: jsonable(k, v) for k, v in sorted(metrics.items())},
        "seconds": {"load": t1 - t0, "compute": t2 - t1, "total": t2 - t0},
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
