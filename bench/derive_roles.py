"""Derive the dated role gazetteer (``loaders/data/roles_dated.json``) from the PETRARCH-2 /
Phoenix country actor dictionary (MIT; ``../shared/reference/petrarch2/``).

    python bench/derive_roles.py [--source DIR] [--out FILE]

Each person record of ``Phoenix.Countries.actors.txt`` is a name, its synonyms ("+..."), and
dated codes ("\t[CODGOV 970517-010118]": DR Congo, government, 17 May 1997 to 18 Jan 2001;
"<date" before, ">date" after, YYMMDD or YYYYMMDD). Kept: people with at least one dated
government code (GOV...) of a country the shipped gazetteer knows; their name-like synonyms
(no titles: "PRESIDENT_CLINTON" is not a name); every dated code (an undated default code is left out), as
``[country id, role, start, end]`` with role ``GOV`` (any government post) or ``ELI`` (an elite
out of office) and ISO dates ("" for an open end). Beside them, each name's look-up key with the
people it names (``keys``), so that a process reading the file need not normalize every name.
The MIT notice goes beside the output (``roles_dated.NOTICE``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.graph.names import normalize  # noqa: E402
from actorgraph.loaders.lexicon import Gazetteer, lexicon  # noqa: E402

SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2"
OUT = ROOT / "loaders" / "data" / "roles_dated.json"
COUNTRY = re.compile(r"^([A-Z][^\s\[#]*)\s+\[([A-Z]{3})\]")
CODE = re.compile(r"^\t\[([A-Z]{3})([A-Z]*)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})-(\d{6,8}))?\s*\]")
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "du", "van", "von", "der", "den", "la",
             "le", "di", "del", "ould", "ag", "abu", "ben", "y", "e"}
NOT_NAMES = {"mr", "mrs", "ms", "dr", "the", "administration", "us", "u.s.", "american", "gov", "gov.", "former",
             "presidential", "candidate", "government", "regime", "cabinet", "of", "and", "his", "her"}


def iso(d: str) -> str:
    """YYMMDD (19YY from 31 on, else 20YY) or YYYYMMDD -> YYYY-MM-DD."""
    if len(d) == 6:
        d = ("19" if int(d[:2]) > 30 else "20") + d
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}"


def display(raw: str) -> str:
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w]
    out = []
    for i, w in enumerate(words):
        parts = w.lower().split("-")
        parts = [p if (p in PARTICLES and (i or k)) else p[:1].upper() + p[1:] for k, p in enumerate(parts)]
        out.append("-".join(parts))
    return " ".join(out)


def countries(lines: list[str], gaz: Gazetteer) -> dict[str, str]:
    """ISO code -> gazetteer id, by the country block's name or its synonyms."""
    out: dict[str, str] = {}
    code = None
    for line in lines:
        m = COUNTRY.match(line)
        if m:
            code = m.group(2)
            e = gaz.lookup(display(m.group(1)))
            if e is not None and e.type.value == "STATE":
                out.setdefault(code, e.id)
            continue
        if code and line.startswith("+") and code not in out:
            e = gaz.lookup(display(line[1:].split("#")[0]))
            if e is not None and e.type.value == "STATE":
                out[code] = e.id
        elif not line.startswith(("+", "\t", "#")) and line.strip():
            code = None if code in out else code
    return out


def people(lines: list[str], iso_ids: dict[str, str], stop: set[str]) -> list[list]:
    out, cur = [], None

    def flush():
        if cur and any(r[1] == "GOV" for r in cur[2]) and len(cur[0].split()) > 1:
            names = sorted({s for s in cur[1] if normalize(s) != normalize(cur[0])})
            out.append([cur[0], names, sorted(cur[2], key=lambda r: (r[2], r[3]))])

    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("\t"):
            m = CODE.match(line)
            if m and cur is not None and m.group(1) in iso_ids:
                role = "GOV" if m.group(2).startswith("GOV") else "ELI" if m.group(2) == "ELI" else None
                if role is None:
                    continue
                if m.group(3) == "<":
                    start, end = "", iso(m.group(4))
                elif m.group(3) == ">":
                    start, end = iso(m.group(4)), ""
                elif m.group(5):
                    start, end = iso(m.group(5)), iso(m.group(6))
                    start, end = min(start, end), max(start, end)
                else:
                    continue  # an undated default code says nothing about when
                cur[2].append([iso_ids[m.group(1)], role, start, end])
            continue
        if line.startswith("+"):
            if cur is not None:
                name = display(line[1:].split("#")[0])
                if name and not ({w.lower() for w in name.split()} & stop) and len(name.split()) > 1:
                    cur[1].add(name)
            continue
        flush()
        head = line.split("#")[0].strip()
        cur = None if COUNTRY.match(line) or "[" in head else [display(head), set(), []]
    flush()
    return out


def keys(found: list[list]) -> dict[str, list[int]]:
    """Look-up key of each name -> the indices of the people it names, in order: worked out here
    once, not by every process that reads the file."""
    out: dict[str, list[int]] = {}
    for i, (name, others, _) in enumerate(found):
        for key in sorted({normalize(form) for form in (name, *others)}):
            out.setdefault(key, []).append(i)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    path = args.source / "Phoenix.Countries.actors.txt"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    gaz = Gazetteer.load()
    lex = lexicon()
    stop = NOT_NAMES | {w for t in lex.titles | lex.honorifics for w in t.split()} \
        | {normalize(d) for e in gaz.entries.values() for d in e.demonyms}
    iso_ids = countries(lines, gaz)
    found = people(lines, iso_ids, stop)
    data = {"about": "Dated roles of heads of state, ministers and officials, derived by bench/derive_roles.py "
                     "from Phoenix.Countries.actors.txt (PETRARCH-2, MIT; see roles_dated.NOTICE). Each person: "
                     "[name, [other names], [[country id, GOV|ELI, start, end], ...]], ISO dates, '' open. "
                     "keys: each name's look-up key (actorgraph.graph.names.normalize) -> the people "
                     "(indices into people) it names.",
            "people": found, "keys": keys(found)}
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(iso_ids)} countries matched, {len(found)} people, "
          f"{sum(len(p[2]) for p in found)} dated codes -> {args.out} ({args.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
