#!/usr/bin/env python3
"""DuckDB benchmark peer: core smmkpi metrics straight from a bundle's CSV files.

Usage: duckdb_kpi.py BUNDLE_DIR --period 2024-11 [--threads N]

Period: YYYY-MM, ISO week YYYY-Www, YYYY-Qn, YYYY, or FROM..TO (dates, both included).
Scope: all accounts; current period only. Prints JSON
{"metrics": {...}, "seconds": {"load": x, "compute": y, "total": z}, ...} to stdout.

Phases (timed with time.perf_counter):
  load    - read every CSV (all_varchar, fixed RFC 4180 dialect, no sniffing) into typed
            DuckDB tables: values trimmed, empty = NULL, numbers and dates cast, datetimes
            cast to TIMESTAMPTZ in the bundle's time zone;
  compute - repeated keys resolved ("the last row wins", views over the loaded tables)
            and every metric for the period (period filters, latest post_metrics
            snapshot, joins, aggregates, word rule).
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
from zoneinfo import ZoneInfo

import duckdb

NETWORKS = ("vk", "telegram", "dzen", "ok", "instagram", "facebook", "x", "youtube",
            "tiktok", "rutube", "max")  # network codes other than `other`: social sources

# Unicode White_Space (bundle-format.md: every value is trimmed of it).
WS = ("\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
      "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")

_WS_CODES = ", ".join(str(ord(c)) for c in WS)


def trimmed(col):
    """SQL: a CSV value trimmed of Unicode white space, empty -> NULL. Fast path: only a value
    whose first or last character is white space goes through trim(x, chars)."""
    ws = WS.replace("'", "''")
    return (f"NULLIF(CASE WHEN ord({col}) IN ({_WS_CODES}) OR ord({col}[-1]) IN ({_WS_CODES}) "
            f"THEN trim({col}, '{ws}') ELSE {col} END, '')")


# A word: a maximal run of L*, M*, Nd characters that holds at least one letter (RE2 syntax;
# a match starts at a run's first character and, being greedy, ends at its last). NFC
# normalisation is skipped: composing a base with its marks never changes which
# characters form runs, so it cannot change a count.
WORD_RE = r"[\p{M}\p{Nd}]*\p{L}[\p{L}\p{M}\p{Nd}]*"


# ---------------------------------------------------------------- period
from period import parse_period  # noqa: E402  (shared with the other peer)


def last_overlap_day(tzname):
    """The day after the last local-time overlap (UTC offset going down) of the zone between
    1900 and 2100, or None when it has none. Weekly samples: two transitions never fall
    within one week."""
    z = ZoneInfo(tzname)
    day, end = dt.datetime(1900, 1, 1, 12), dt.datetime(2100, 1, 1, 12)
    prev, last = dt.datetime(1900, 1, 1, 12, tzinfo=z).utcoffset(), None
    while day < end:
        day += dt.timedelta(days=7)
        off = day.replace(tzinfo=z).utcoffset()
        if off < prev:
            last = day.date() + dt.timedelta(days=1)
        prev = off
    return last


# ---------------------------------------------------------------- loading
def read_header(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        row = next(csv.reader(f), None)
    return [h.strip(WS).lower() for h in (row or [])]


class Loader:
    def __init__(self, con, bundle, tzname):
        self.con = con
        self.bundle = bundle
        self.tzname = tzname
        self.overlap_until = last_overlap_day(tzname)
        self.cols = {}  # table -> set of columns present in the file header
        self.raw = {}   # table -> table holding every row of the file (before "last row wins")

    def ts(self, col):
        """SQL: a trimmed datetime column as TIMESTAMPTZ (no zone: bundle time zone)."""
        v = f"v_{col}"
        base = f"CAST({v} AS TIMESTAMPTZ)"
        if self.overlap_until is None:
            return base
        # DuckDB/ICU resolves a repeated local time (DST overlap) to the later offset; the
        # spec takes the earlier one. Only zone-less values before the zone's last overlap
        # can be affected (a cheap string test on the ISO date prefix selects them).
        naive = f"CAST({v} AS TIMESTAMP)"
        tzq = self.tzname.replace("'", "''")
        return (f"CASE WHEN {v} >= '{self.overlap_until.isoformat()}' "
                f"OR (length({v}) > 10 AND regexp_matches(substr({v}, 11), '[Z+-]')) THEN {base} "
                f"WHEN timezone('{tzq}', {base} - INTERVAL 1 HOUR) = {naive} THEN {base} - INTERVAL 1 HOUR "
                f"WHEN timezone('{tzq}', {base} - INTERVAL 30 MINUTE) = {naive} THEN {base} - INTERVAL 30 MINUTE "
                f"ELSE {base} END")

    def load(self, name, wanted, typed, key=None):
        """Create table `name` from name.csv (rows in file order, so rowid is the line order).

        wanted: CSV columns to read; typed: list of (sql expression over v_<col>, alias);
        key: SQL expressions over the typed columns forming the file key (the last row wins).
        Returns False (and creates nothing) when the file is absent.
        """
        path = os.path.join(self.bundle, name + ".csv")
        if not os.path.exists(path):
            return False
        header = read_header(path)
        colspec, seen = {}, {}
        for i, h in enumerate(header):
            n = h if h and h not in seen else f"__col{i}"
            seen[n] = True
            colspec[n] = "VARCHAR"
        present = {c for c in wanted if c in colspec}
        self.cols[name] = present
        sel = ", ".join((trimmed('"' + c + '"') + f" AS v_{c}" if c in present else f"NULL::VARCHAR AS v_{c}")
                        for c in wanted)
        spec = "{" + ", ".join(f"'{k}': 'VARCHAR'" for k in colspec) + "}"
        p = path.replace("'", "''")
        src = (f"(SELECT {sel} FROM read_csv('{p}', header=true, columns={spec}, auto_detect=false, "
               f"delim=',', quote='\"', escape='\"', strict_mode=true, max_line_size=16777216))")
        exprs = [(e.format(**{c: f"v_{c}" for c in wanted}) if "{" in e else e, a) for e, a in typed]
        cols = ", ".join(f'{e} AS "{a}"' for e, a in exprs)
        if not key:
            self.con.execute(f"CREATE TABLE {name} AS SELECT {cols} FROM {src}")
            self.raw[name] = name
            return True
        # Keyed file: every row is loaded into all_<name>; the view <name> keeps the last
        # row of each key. The view is evaluated inside the metric queries, so DuckDB
        # only carries the columns a query needs through the window (this is timed as
        # compute, not load).
        self.con.execute(f"CREATE TABLE all_{name} AS SELECT {cols} FROM {src}")
        self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM all_{name} "
                         f"QUALIFY row_number() OVER (PARTITION BY {', '.join(key)} ORDER BY rowid DESC) = 1")
        self.raw[name] = f"all_{name}"
        return True


def load_bundle(con, bundle, tzname):
    L = Loader(con, bundle, tzname)
    I = lambda c: (f"CAST({{{c}}} AS BIGINT)", c)      # noqa: E731  integer counter
    D = lambda c: (f"CAST({{{c}}} AS DOUBLE)", c)      # noqa: E731  decimal / money
    DA = lambda c: (f"CAST({{{c}}} AS DATE)", c)       # noqa: E731  date
    S = lambda c: (f"{{{c}}}", c)                      # noqa: E731  text / id
    T = lambda c: (L.ts(c), c)                          # noqa: E731  datetime
    B = lambda c: (f"coalesce(lower({{{c}}}) IN ('true', '1', 'yes'), false)", c)  # noqa: E731 bool, null -> false
    BN = lambda c: (f"CASE WHEN {{{c}}} IS NULL THEN NULL ELSE lower({{{c}}}) IN ('true', '1', 'yes') END", c)  # noqa: E731
    LOW = lambda c: (f"lower({{{c}}})", c)             # noqa: E731

    present = {}
    present["posts"] = L.load("posts", ["post_id", "published_at"],
                              [S("post_id"), T("published_at")], key=["post_id"])
    pm = ["post_id", "collected_at", "impressions", "reach", "likes", "comments", "reposts",
          "saves", "clicks"]
    # The latest snapshot per post is picked in compute; (post_id, collected_at) key
    # dedup is implied by "max collected_at, ties: the later row".
    present["post_metrics"] = L.load("post_metrics", pm,
                                     [S("post_id"), T("collected_at")] + [I(c) for c in pm[2:]])
    present["comments"] = L.load("comments", ["comment_id", "post_id", "created_at", "from_brand", "text"],
                                 [S("comment_id"), S("post_id"), T("created_at"), B("from_brand"), S("text")],
                                 key=["comment_id"])
    present["account_daily"] = L.load("account_daily", ["account_id", "date", "joined", "left", "reach", "views"],
                                      [S("account_id"), DA("date"), I("joined"), I("left"), I("reach"), I("views")],
                                      key=["account_id", "date"])
    present["ad_spend"] = L.load("ad_spend", ["date", "campaign", "spend", "network", "account_id",
                                              "impressions", "clicks"],
                                 [DA("date"), S("campaign"), S("account_id"), LOW("network"), D("spend"),
                                  I("impressions"), I("clicks")],
                                 key=["date", "campaign", "account_id", "network"])
    present["other_costs"] = L.load("other_costs", ["date", "amount"], [DA("date"), D("amount")])
    present["web_sessions"] = L.load("web_sessions", ["date", "source", "medium", "campaign", "content",
                                                      "sessions", "bounces", "goal_completions"],
                                     [DA("date"), LOW("source"), S("medium"), S("campaign"), S("content"),
                                      I("sessions"), I("bounces"), I("goal_completions")],
                                     key=["date", "source", "medium", "campaign", "content"])
    present["leads"] = L.load("leads", ["lead_id", "created_at", "source", "qualified"],
                              [S("lead_id"), T("created_at"), LOW("source"), BN("qualified")],
                              key=["lead_id"])
    present["deals"] = L.load("deals", ["deal_id", "closed_at", "amount", "lead_id", "status"],
                              [S("deal_id"), T("closed_at"), D("amount"), S("lead_id"), S("status")],
                              key=["deal_id"])
    present["messages"] = L.load("messages", ["message_id", "received_at", "first_response_at"],
                                 [S("message_id"), T("received_at"), T("first_response_at")],
                                 key=["message_id"])
    present["mentions"] = L.load("mentions", ["mention_id", "published_at", "reach"],
                                 [S("mention_id"), T("published_at"), I("reach")], key=["mention_id"])
    present["reviews"] = L.load("reviews", ["review_id", "created_at", "rating"],
                                [S("review_id"), T("created_at"), I("rating")], key=["review_id"])
    present["work_log"] = L.load("work_log", ["date", "hours"], [DA("date"), D("hours")])
    return present, L.cols, L.raw


# ---------------------------------------------------------------- compute
def compute(con, present, cols, raw, first, last):
    M = {}
    q = lambda sql: con.execute(sql).fetchone()  # noqa: E731

    def nonempty(table):
        """The file is present with at least one data row."""
        return bool(present.get(table)) and q(f"SELECT count(*) > 0 FROM {raw[table]}")[0]

    def has_col(table, col):
        """The column is in the header and non-empty in at least one row of the file."""
        return col in cols.get(table, ()) and q(f'SELECT count("{col}") > 0 FROM {raw[table]}')[0]

    def ratio(num, den, scale=1.0):
        if num is None or den is None or den == 0:
            return None
        return num / den * scale

    def plus0(v):
        return 0 if v is None else v

    S, E = f"'{first.isoformat()}'::TIMESTAMPTZ", f"'{(last + dt.timedelta(days=1)).isoformat()}'::TIMESTAMPTZ"
    inP = lambda c: f"{c} >= {S} AND {c} < {E}"  # noqa: E731  local date of c in P
    dP = lambda c: f"{c} BETWEEN DATE '{first}' AND DATE '{last}'"  # noqa: E731
    social = "source IN (" + ", ".join(f"'{n}'" for n in NETWORKS) + ")"

    # ---- posts and their latest snapshots
    posts_ok = nonempty("posts")
    # posts and leads are read by several queries: resolve their keys once
    if posts_ok:
        con.execute("CREATE OR REPLACE TEMP TABLE posts_u AS SELECT post_id, published_at FROM posts")
    if nonempty("leads"):
        con.execute("CREATE OR REPLACE TEMP TABLE leads_u AS SELECT * FROM leads")
    M["posts_published"] = q(f"SELECT count(*) FROM posts_u WHERE {inP('published_at')}")[0] if posts_ok else None
    pm_ok = posts_ok and nonempty("post_metrics")
    post_keys = ["reach_total", "impressions_total", "interactions_total", "likes_total",
                 "reposts_total", "er_reach", "ctr"]
    if pm_ok:
        r = q(f"""
            WITH p AS (SELECT post_id FROM posts_u WHERE {inP('published_at')}),
            s AS (SELECT *, rowid AS rn FROM post_metrics WHERE post_id IN (SELECT post_id FROM p)
                  QUALIFY row_number() OVER (PARTITION BY post_id ORDER BY collected_at DESC, rn DESC) = 1),
            j AS (SELECT s.*, CASE WHEN likes IS NULL AND comments IS NULL AND reposts IS NULL AND saves IS NULL
                                   THEN NULL ELSE coalesce(likes, 0) + coalesce(comments, 0)
                                             + coalesce(reposts, 0) + coalesce(saves, 0) END AS inter
                  FROM p JOIN s USING (post_id))
            SELECT sum(reach), sum(impressions), sum(inter), sum(likes), sum(reposts),
                   sum(inter) FILTER (WHERE inter IS NOT NULL AND reach IS NOT NULL),
                   sum(reach) FILTER (WHERE inter IS NOT NULL AND reach IS NOT NULL),
                   sum(clicks) FILTER (WHERE clicks IS NOT NULL AND impressions IS NOT NULL),
                   sum(impressions) FILTER (WHERE clicks IS NOT NULL AND impressions IS NOT NULL)
            FROM j""")
        inter_ok = any(has_col("post_metrics", c) for c in ("likes", "comments", "reposts", "saves"))
        M["reach_total"] = plus0(r[0]) if has_col("post_metrics", "reach") else None
        M["impressions_total"] = plus0(r[1]) if has_col("post_metrics", "impressions") else None
        M["interactions_total"] = plus0(r[2]) if inter_ok else None
        M["likes_total"] = plus0(r[3]) if has_col("post_metrics", "likes") else None
        M["reposts_total"] = plus0(r[4]) if has_col("post_metrics", "reposts") else None
        M["er_reach"] = ratio(r[5], r[6], 100)
        M["ctr"] = ratio(r[7], r[8], 100)
    else:
        M.update(dict.fromkeys(post_keys))

    # ---- comments (on posts of the bundle, not from the brand)
    if posts_ok and nonempty("comments"):
        r = q(f"""
            WITH c AS (SELECT text FROM comments
                       WHERE {inP('created_at')} AND NOT from_brand
                         AND post_id IN (SELECT post_id FROM posts_u))
            SELECT count(*),
                   count(*) FILTER (WHERE len(regexp_extract_all(text, '{WORD_RE}')) >= 4)
            FROM c""")
        M["comments_count"], M["meaningful_comments"] = r[0], r[1]
    else:
        M["comments_count"] = M["meaningful_comments"] = None

    # ---- account_daily (null when no row dated in P)
    if nonempty("account_daily"):
        r = q(f"SELECT count(*), sum(joined), sum(\"left\"), sum(reach), sum(views) FROM account_daily "
              f"WHERE {dP('date')}")
        for k, c, v in (("followers_joined", "joined", r[1]), ("followers_left", "left", r[2]),
                        ("account_reach", "reach", r[3]), ("account_views", "views", r[4])):
            M[k] = plus0(v) if r[0] > 0 and has_col("account_daily", c) else None
    else:
        M.update(dict.fromkeys(["followers_joined", "followers_left", "account_reach", "account_views"]))

    # ---- advertising and costs
    if nonempty("ad_spend"):
        r = q(f"""SELECT sum(spend), sum(clicks), sum(impressions),
                         sum(spend) FILTER (WHERE clicks IS NOT NULL), sum(clicks),
                         sum(spend) FILTER (WHERE impressions IS NOT NULL), sum(impressions)
                  FROM ad_spend WHERE {dP('date')}""")
        M["ad_spend"] = plus0(r[0])
        M["ad_clicks"] = plus0(r[1]) if has_col("ad_spend", "clicks") else None
        M["ad_impressions"] = plus0(r[2]) if has_col("ad_spend", "impressions") else None
        M["cpc"] = ratio(r[3], r[4])
        M["cpm"] = ratio(r[5], r[6], 1000)
    else:
        M.update(dict.fromkeys(["ad_spend", "ad_clicks", "ad_impressions", "cpc", "cpm"]))
    M["other_costs"] = (plus0(q(f"SELECT sum(amount) FROM other_costs WHERE {dP('date')}")[0])
                        if nonempty("other_costs") else None)
    M["total_cost"] = (None if M["ad_spend"] is None and M["other_costs"] is None
                       else plus0(M["ad_spend"]) + plus0(M["other_costs"]))

    # ---- web traffic (null when no web_sessions row dated in P, any source)
    if nonempty("web_sessions"):
        r = q(f"""SELECT count(*), sum(sessions) FILTER (WHERE {social}),
                         sum(goal_completions) FILTER (WHERE {social}),
                         sum(bounces) FILTER (WHERE {social} AND bounces IS NOT NULL),
                         sum(sessions) FILTER (WHERE {social} AND bounces IS NOT NULL)
                  FROM web_sessions WHERE {dP('date')}""")
        rows = r[0] > 0
        M["social_sessions"] = plus0(r[1]) if rows and has_col("web_sessions", "sessions") else None
        M["goal_completions"] = plus0(r[2]) if rows and has_col("web_sessions", "goal_completions") else None
        M["bounce_rate"] = ratio(r[3], r[4], 100)
    else:
        M["social_sessions"] = M["goal_completions"] = M["bounce_rate"] = None

    # ---- leads and sales
    leads_ok = nonempty("leads")
    if leads_ok:
        r = q(f"SELECT count(*), count(*) FILTER (WHERE qualified) FROM leads_u "
              f"WHERE {social} AND {inP('created_at')}")
        M["leads"] = r[0]
        M["qualified_leads"] = r[1] if "qualified" in cols["leads"] else None
    else:
        M["leads"] = M["qualified_leads"] = None
    if leads_ok and nonempty("deals"):
        r = q(f"""SELECT count(*), sum(amount) FROM deals
                  WHERE (status IS NULL OR status = 'won') AND {inP('closed_at')}
                    AND lead_id IN (SELECT lead_id FROM leads_u WHERE {social})""")
        M["sales"], M["revenue"] = r[0], plus0(r[1])
    else:
        M["sales"] = M["revenue"] = None
    M["cpl"] = None if M["total_cost"] is None else ratio(M["total_cost"], M["leads"])
    M["roas"] = None if M["revenue"] is None else ratio(M["revenue"], M["ad_spend"], 100)
    M["roi"] = (None if M["revenue"] is None or M["total_cost"] is None
                else ratio(M["revenue"] - M["total_cost"], M["total_cost"], 100))

    # ---- service
    if nonempty("messages"):
        r = q(f"""SELECT count(*), count(*) FILTER (WHERE first_response_at IS NULL),
                         count(*) FILTER (WHERE epoch_us(first_response_at) - epoch_us(received_at) <= 86400000000),
                         median((epoch_us(first_response_at) - epoch_us(received_at)) / 60e6)
                  FROM messages WHERE {inP('received_at')}""")
        fr = "first_response_at" in cols["messages"]
        M["inquiries"] = r[0]
        M["unanswered"] = r[1] if fr else None
        M["response_sla_rate"] = ratio(r[2], r[0], 100) if fr else None
        M["median_response_minutes"] = r[3] if fr else None
    else:
        M.update(dict.fromkeys(["inquiries", "unanswered", "response_sla_rate", "median_response_minutes"]))

    # ---- brand and reputation
    if nonempty("mentions"):
        r = q(f"SELECT count(*), sum(reach) FROM mentions WHERE {inP('published_at')}")
        M["brand_mentions"] = r[0]
        M["mention_reach"] = plus0(r[1]) if has_col("mentions", "reach") else None
    else:
        M["brand_mentions"] = M["mention_reach"] = None
    if nonempty("reviews"):
        r = q(f"SELECT count(*), avg(rating) FROM reviews WHERE {inP('created_at')}")
        M["reviews_count"], M["avg_rating"] = r[0], r[1]
    else:
        M["reviews_count"] = M["avg_rating"] = None

    # ---- labour
    M["hours_spent"] = (plus0(q(f"SELECT sum(hours) FROM work_log WHERE {dP('date')}")[0])
                        if nonempty("work_log") else None)
    return M


def jsonable(v):
    if v is None:
        return None
    if isinstance(v, float):
        return v
    try:
        return int(v) if float(v).is_integer() and not isinstance(v, float) else float(v)
    except (TypeError, ValueError):
        return v


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle")
    ap.add_argument("--period", required=True)
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    args = ap.parse_args(argv)
    first, last = parse_period(args.period)

    t0 = time.perf_counter()
    tzname = "UTC"
    mpath = os.path.join(args.bundle, "manifest.json")
    if os.path.exists(mpath):
        with open(mpath, encoding="utf-8-sig") as f:
            tzname = json.load(f).get("timezone") or "UTC"
    con = duckdb.connect(":memory:")
    con.execute(f"SET TimeZone = '{tzname}'")
    con.execute("SET preserve_insertion_order = true")  # file order decides "the last row wins"
    if args.threads:
        con.execute(f"SET threads = {int(args.threads)}")
    present, cols, raw = load_bundle(con, args.bundle, tzname)
    t1 = time.perf_counter()
    metrics = compute(con, present, cols, raw, first, last)
    t2 = time.perf_counter()
    out = {
        "peer": "duckdb",
        "version": duckdb.__version__,
        "period": {"label": args.period, "from": first.isoformat(), "to": last.isoformat()},
        "timezone": tzname,
        "metrics": {k: jsonable(v) for k, v in sorted(metrics.items())},
        "seconds": {"load": t1 - t0, "compute": t2 - t1, "total": t2 - t0},
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
