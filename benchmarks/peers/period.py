"""Period labels of cli.md, shared by the peers."""
import calendar
import datetime as dt
import re


def parse_period(text):
    """Return (first_day, last_day) as datetime.date for a period label."""
    s = text.strip()
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", s)
    if m:
        a, b = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
        if a > b:
            raise ValueError(f"period {s}: first date after second")
        return a, b
    m = re.fullmatch(r"(\d{4})-W(\d{2})", s)
    if m:
        a = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)  # raises on a week the year lacks
        return a, a + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-(\d{2})", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})-Q([1-4])", s)
    if m:
        y, q = int(m[1]), int(m[2])
        last = 3 * q
        return dt.date(y, last - 2, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    m = re.fullmatch(r"(\d{4})", s)
    if m:
        return dt.date(int(s), 1, 1), dt.date(int(s), 12, 31)
    raise ValueError(f"bad period: {text!r}")
