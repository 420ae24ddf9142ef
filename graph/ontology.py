"""The relation ontology (CAMEO-aligned), defined once.

A relation type reaches a Cypher string only as a member of :class:`RelType`,
so nothing from a document can be spliced into a query.
"""
from __future__ import annotations

from enum import Enum


class RelType(str, Enum):
    MEETS = "MEETS"
    SUPPORTS = "SUPPORTS"
    AGREES_WITH = "AGREES_WITH"
    COOPERATES_WITH = "COOPERATES_WITH"
    PROVIDES_MILITARY_AID = "PROVIDES_MILITARY_AID"
    PROVIDES_AID = "PROVIDES_AID"
    CRITICIZES = "CRITICIZES"
    OPPOSES = "OPPOSES"
    THREATENS = "THREATENS"
    SANCTIONS = "SANCTIONS"
    ATTACKS = "ATTACKS"
    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"

    @property
    def polarity(self) -> int:
        return _POLARITY[self]

    @property
    def symmetric(self) -> bool:
        return self in SYMMETRIC

    @property
    def quad_class(self) -> int | None:
        return _QUAD[self]

    @property
    def structural(self) -> bool:
        """LEADS and MEMBER_OF: roles, not events."""
        return self in (RelType.LEADS, RelType.MEMBER_OF)

    @classmethod
    def parse(cls, value: str) -> "RelType":
        """The member named ``value`` (case-insensitive); ValueError names the choices."""
        try:
            return cls(str(value).strip().upper())
        except ValueError:
            choices = ", ".join(m.value for m in cls)
            raise ValueError(f"unknown relation type {value!r}; choose from {choices}") from None


_POLARITY = {
    RelType.MEETS: 1, RelType.SUPPORTS: 1, RelType.AGREES_WITH: 1,
    RelType.COOPERATES_WITH: 1, RelType.PROVIDES_MILITARY_AID: 1, RelType.PROVIDES_AID: 1,
    RelType.CRITICIZES: -1, RelType.OPPOSES: -1, RelType.THREATENS: -1,
    RelType.SANCTIONS: -1, RelType.ATTACKS: -1,
    RelType.LEADS: 0, RelType.MEMBER_OF: 0,
}
_QUAD = {
    RelType.MEETS: 1, RelType.SUPPORTS: 1, RelType.AGREES_WITH: 1,
    RelType.COOPERATES_WITH: 2, RelType.PROVIDES_MILITARY_AID: 2, RelType.PROVIDES_AID: 2,
    RelType.CRITICIZES: 3, RelType.OPPOSES: 3, RelType.THREATENS: 3,
    RelType.SANCTIONS: 4, RelType.ATTACKS: 4,
    RelType.LEADS: None, RelType.MEMBER_OF: None,
}
SYMMETRIC = frozenset({RelType.MEETS, RelType.COOPERATES_WITH, RelType.AGREES_WITH})
#: Edges an alliance path may walk: positive ones, plus roles (a leader is aligned with what he leads).
ALIGNMENT = frozenset(t for t in RelType if t.polarity > 0 or t.structural)


class ActorType(str, Enum):
    STATE = "STATE"
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    GROUP = "GROUP"
