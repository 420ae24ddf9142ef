"""Roles: titles and appositions give LEADS and MEMBER_OF ("Syrian President Bashar al-Assad",
"Iran's Revolutionary Guards", "X, a vice-president of Y"). The roles are read on the
resolved mentions by ``loaders/roles.py`` (from ``roles.json``), as one of the resolver's passes
because later passes need the actors they name; this family states them, once per document,
before the other families run."""
from __future__ import annotations

from spacy.tokens import Doc

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def run(fb: FrameBuilder, doc: Doc, da: DocActors, found: list[Found]) -> None:
    for role in da.roles:
        found.append(Found(role.person, role.type, role.org, role.sentence, FAMILY.base, FAMILY.pattern))


FAMILY = register("role", 1, 0.9, scope="document", order=0, run=run)
