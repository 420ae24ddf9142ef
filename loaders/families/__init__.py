"""Pattern families: one module per way of stating a relation, registered here.

Each family module calls :func:`register` with a name, a version and a base confidence; the
name and version (``verb/1``) are what ``Statement.pattern`` records, after the extractor's
version. A family that is triggered by a cue word gives ``select`` (is this token its trigger?),
``run`` (the statements it makes there) and ``cues`` (the words, from the lexicon, that can
trigger it): the extractor visits only the tokens whose word or lemma is in the union of the
registered families' cues, and offers each to the families in ``order``. A family may also work
on a whole sentence (``scope="sentence"``, after the token families) or on the whole document
(``scope="document"``, before them). Families that others call (supply, holder) register
without a trigger.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

#: Every registered family by name, in registration order.
REGISTRY: dict[str, "Family"] = {}


@dataclass(frozen=True)
class Family:
    name: str
    version: int
    base: float
    scope: str = "called"  # "token", "sentence", "document", or "called" (by another family)
    order: int = 0
    select: Callable | None = None
    run: Callable | None = None
    cues: Callable | None = None

    @property
    def pattern(self) -> str:
        return f"{self.name}/{self.version}"


def register(name: str, version: int, base: float, *, scope: str = "called", order: int = 0,
             select: Callable | None = None, run: Callable | None = None, cues: Callable | None = None) -> Family:
    if name in REGISTRY:
        raise ValueError(f"pattern family {name!r} is registered twice")
    fam = Family(name, version, base, scope, order, select, run, cues)
    REGISTRY[name] = fam
    return fam


def families(scope: str) -> list[Family]:
    """The registered families of one scope, in dispatch order."""
    return sorted((f for f in REGISTRY.values() if f.scope == scope), key=lambda f: f.order)


def cue_words(lex) -> set[str]:
    """Every word that can trigger a registered family."""
    return {w for f in REGISTRY.values() if f.cues for w in f.cues(lex)}


from . import antecedent, backed, condition, demand, holder, insult, joint, mediator, mutual, nominal, refusal, roles, stance, supply, surface, together, verb  # noqa: E402,F401
