"""How actor names compare: one normal form for lookups, ids and gold matching."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_PLAIN = re.compile(r"[A-Za-z ]+")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The key a surface form is looked up by: no accents, lower case, no leading article,
    no possessive, hyphens and dots folded ("Al Assad" == "al-Assad", "U.S." == "US")."""
    if _PLAIN.fullmatch(text):  # letters and spaces only: the common case, done without regexes
        t = " ".join(text.lower().split())
        return t[4:] if t.startswith("the ") else t
    if text.isascii():
        t = text.lower()
    else:
        t = unicodedata.normalize("NFKD", text)
        t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("\u2019", "'").replace("`", "'")
    t = re.sub(r"'s$|'$", "", t.strip())
    t = re.sub(r"^(the)\s+", "", t)
    t = t.replace(".", "")
    t = re.sub(r"[\s\-\u2010-\u2015_]+", " ", t)
    return t.strip()


def slugify(text: str) -> str:
    """A stable actor id: "Bashar al-Assad" -> "bashar-al-assad"."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-") or "actor"
