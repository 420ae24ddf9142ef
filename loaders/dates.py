"""Explicit calendar dates in text -> ISO dates, as precise as the text is.

"14 February 2023", "Feb. 14, 2023" and "2023-02-14" give ``2023-02-14``; "April 2019" gives
``2019-04``; a bare year ("in 2016") gives ``2016``. Relative dates ("last week", "on
Tuesday") give nothing, and a day without a year ("15 August") only given the document's
date: a date is kept only when the text fixes it.
"""
from __future__ import annotations

import datetime
import re

MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_FULL = (
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
)
_DAY_MONTH = (re.compile(rf"\b{_DAY}\s+{_MONTH}(?!\w)", re.IGNORECASE),
              re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)", re.IGNORECASE))
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(rf"^(?:(?:in|since|by|until|from|during|of|the|early|late|mid-?)\s+)*{_YEAR}$",
                        re.IGNORECASE)


def _iso(year: str, month: str | None = None, day: str | None = None) -> str | None:
    y = int(year)
    if month is None:
        return f"{y:04d}"
    m = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."), 0)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    try:
        return datetime.date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def full_date(text: str, within: int | None = None) -> str | None:
    """The first day-month-year date in ``text``, or None; with ``within``, only one that
    starts in the first ``within`` characters."""
    hits = [(m.start(), m) for rx in _FULL for m in rx.finditer(text)
            if within is None or m.start() < within]
    for _, m in sorted(hits, key=lambda h: h[0]):
        iso = _iso(m["year"], m["month"], m["day"])
        if iso:
            return iso
    return None


def parse_date(text: str, reference: str | None = None) -> str | None:
    """The one date ``text`` names (a full date, a month and year, or a year), or None.
    Given the document's date as ``reference``, a day and month without a year ("on 15
    August") takes the latest year that does not put it after the reference."""
    iso = full_date(text)
    if iso:
        return iso
    m = _MONTH_YEAR.search(text)
    if m:
        return _iso(m["year"], m["month"])
    m = _YEAR_ONLY.match(text.strip())
    if m:
        return _iso(m["year"])
    if reference and len(reference) == 10:
        for rx in _DAY_MONTH:
            m = rx.search(text)
            if m:
                iso = _iso(reference[:4], m["month"], m["day"])
                if iso and iso > reference:
                    iso = _iso(str(int(reference[:4]) - 1), m["month"], m["day"])
                return iso
    return None


def dateline_date(text: str, lines: int = 3, within: int = 40) -> str | None:
    """A document's date from its first lines (title, dateline, byline): a full date that
    opens one of them ("KYIV, 14 February 2023 (Reuters) -"), not one inside the story."""
    head = [ln for ln in text.split("\n", 20) if ln.strip()][:lines]
    return next((d for ln in head if (d := full_date(ln, within))), None)


def one_date(texts, reference: str | None = None) -> str | None:
    """The date a sentence names, given the texts of its DATE entities, when they name exactly
    one (``reference``: the document's date, for days named without a year)."""
    found = {d for text in texts if (d := parse_date(text, reference))}
    return found.pop() if len(found) == 1 else None
