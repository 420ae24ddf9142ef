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
_YEAR_ONLY = re.compile(rf"^(?:(?:in|since|by|until|from|during|of|early|late|mid-?)\s+)*{_YEAR}$",
                        re.IGNORECASE)
#: A year after one of these names a thing, not a time: "the 1979 peace treaty", "its 2019 attack".
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|whose)\s+$", re.IGNORECASE)
#: What may stand before a dateline's date ("KYIV, ", "BULLETIN - ", "By J. Doe | ") and after it.
_DATELINE_BEFORE = re.compile(r"^(?:.*[,\-\u2013\u2014|:(/]\s*|[^a-z]*)?"
                              r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$")
_DATELINE_AFTER = re.compile(r"^\s*(?:$|[\-\u2013\u2014(|:/\[]|[,.]\s*$)")


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


def _full_dates(text: str, within: int | None = None) -> list[tuple[re.Match, str]]:
    """Every valid day-month-year date in ``text`` (with ``within``, starting in its first
    ``within`` characters), in order, with its ISO form."""
    hits = sorted((m for rx in _FULL for m in rx.finditer(text) if within is None or m.start() < within),
                  key=lambda m: m.start())
    return [(m, iso) for m in hits if (iso := _iso(m["year"], m["month"], m["day"]))]


def full_date(text: str, within: int | None = None) -> str | None:
    """The first day-month-year date in ``text``, or None; with ``within``, only one that
    starts in the first ``within`` characters."""
    found = _full_dates(text, within)
    return found[0][1] if found else None


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


def _dateline(line: str, within: int) -> str | None:
    """The date of a dateline: a full date near the start of the line with only a place, a
    label or a byline before it and a separator or nothing after it ("KYIV, 14 February 2023
    (Reuters) -"); not a sentence that names a date ("On 4 June 2024 Kenya hosted talks.")."""
    for m, iso in _full_dates(line, within):
        if _DATELINE_BEFORE.match(line[:m.start()]) \
                and _DATELINE_AFTER.match(line[m.end():]):
            return iso
    return None


def dateline_date(text: str, lines: int = 3, within: int = 40) -> str | None:
    """A document's date from its first lines (title, dateline, byline): a full date that
    opens one of them as a dateline does, not one inside the story or a sentence."""
    head = [ln for ln in text.split("\n", 20) if ln.strip()][:lines]
    return next((d for ln in head if (d := _dateline(ln.strip(), within))), None)


def one_date(texts, reference: str | None = None) -> str | None:
    """The date a sentence names, given the texts of its DATE entities, when they name exactly
    one (``reference``: the document's date, for days named without a year)."""
    found = {d for text in texts if (d := parse_date(text, reference))}
    return found.pop() if len(found) == 1 else None


def sentence_date(sentence: str, spans=(), reference: str | None = None) -> str | None:
    """The date one sentence names: its one full date (day, month and year, whatever the
    model tagged), else the one date its DATE entities name (``spans``: their character
    offsets in ``sentence``). A bare year that names a thing ("the 1979 peace treaty")
    dates nothing; two different dates give None."""
    fulls = {iso for _, iso in _full_dates(sentence)}
    if fulls:
        return fulls.pop() if len(fulls) == 1 else None
    texts = []
    for start, end in spans:
        text = sentence[start:end]
        if _DETERMINER.search(sentence[:start]) and _YEAR_ONLY.match(text.strip()):
            continue
        texts.append(text)
    return one_date(texts, reference)
