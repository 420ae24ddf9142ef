"""The data that crosses package boundaries, defined once and immutable."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Iterable, NamedTuple

from .ontology import ActorType, RelType

SCHEMA_VERSION = 1


def digest(*parts: object, length: int = 16) -> str:
    """A short, stable hex id for the given parts."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """A document as read: its id is a hash of its text, so re-reading it changes nothing."""

    id: str
    source: str
    sha256: str
    title: str | None = None
    date: str | None = None

    @classmethod
    def from_text(cls, text: str, source: str, **meta: Any) -> "Document":
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(id=sha[:16], source=source, sha256=sha, **meta)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})


#: Of two types found for one actor id, the first in this order is kept.
TYPE_ORDER = (ActorType.STATE, ActorType.ORGANIZATION, ActorType.GROUP, ActorType.PERSON)


def distinct_aliases(name: str, aliases) -> tuple[str, ...]:
    """``aliases`` sorted, one form per case-insensitive spelling, without ``name`` itself in
    any case. Of a spelling's forms the mixed-case one is kept ("Kremlin", not "KREMLIN" or
    "kremlin"), then the first in sort order."""
    forms = set(aliases)
    if len(forms) <= 1:  # the common cases, without the sort
        return tuple(a for a in forms if a.casefold() != name.casefold())
    best: dict[str, str] = {}
    for alias in sorted(forms, key=lambda x: (x.isupper(), x.islower(), x)):
        best.setdefault(alias.casefold(), alias)
    best.pop(name.casefold(), None)
    return tuple(sorted(best.values()))


@dataclass(frozen=True)
class Actor:
    """A resolved actor. ``aliases`` holds every other surface form seen, sorted, each
    spelling once whatever its case, never the name itself."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    attributes: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "aliases", distinct_aliases(self.name, self.aliases))

    def merged(self, other: "Actor") -> "Actor":
        """This actor with ``other``'s names, aliases and mentions added. The result does not
        depend on the order of merging (a.merged(b) == b.merged(a)), so documents may be ingested
        in any order, in one run or several, by one writer or many. Of two names a person keeps
        the fuller ("Khalifa Haftar", not "Haftar"), anything else the shorter ("Iran", not
        "Islamic Republic of Iran"), then the first alphabetically; of two types or attribute
        values, the first in a fixed order."""
        kind = min(self.type, other.type, key=TYPE_ORDER.index)
        sign = -1 if kind is ActorType.PERSON else 1
        name = min((self.name, other.name), key=lambda n: (sign * len(n), n))
        attrs = dict(self.attributes)
        for k, v in other.attributes:
            attrs[k] = min(attrs[k], v, key=str) if k in attrs else v
        return replace(self, name=name, type=kind,
                       aliases=(*self.aliases, *other.aliases, self.name, other.name),
                       mentions=self.mentions + other.mentions, attributes=tuple(sorted(attrs.items())))

    def to_dict(self) -> dict:
        d = {"id": self.id, "name": self.name, "type": self.type.value,
             "aliases": list(self.aliases), "mentions": self.mentions}
        if self.attributes:
            d["attributes"] = dict(self.attributes)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        return cls(id=d["id"], name=d["name"], type=ActorType(d["type"]),
                   aliases=tuple(d.get("aliases", ())), mentions=int(d.get("mentions", 0)),
                   attributes=tuple(sorted((d.get("attributes") or {}).items())))



class StatementKey(NamedTuple):
    """What Relation.aggregate reads from a statement (a store's light row for it)."""

    id: str
    subject: str
    type: RelType
    object: str
    confidence: float
    date: str | None


@dataclass(frozen=True)
class Statement:
    """One assertion found in one sentence, with the evidence to show it again."""

    id: str
    subject: str
    type: RelType
    object: str
    confidence: float
    document: str
    sentence: str
    start: int
    end: int
    line: int | None = None
    date: str | None = None
    negated: bool = False
    hedged: bool = False
    reported: bool = False
    speaker: str | None = None
    pattern: str = ""

    @property
    def polarity(self) -> int:
        return self.type.polarity

    @classmethod
    def make(cls, *, subject: str, type: RelType, object: str, document: str,
             start: int, end: int, **rest: Any) -> "Statement":
        """Build a statement with its content-derived id; symmetric types are stored in id order."""
        if type.symmetric and object < subject:
            subject, object = object, subject
        sid = digest(document, start, end, subject, type.value, object)
        return cls(id=sid, subject=subject, type=type, object=object, document=document,
                   start=start, end=end, **rest)

    def to_dict(self) -> dict:
        d = {name: getattr(self, name) for name in _STATEMENT_FIELDS}  # asdict() deep-copies: slow
        d["type"] = self.type.value
        d["polarity"] = self.polarity
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Statement":
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        kw["type"] = RelType(d["type"])
        return cls(**kw)


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))


def strength(s: Statement) -> tuple:
    """Sort key, strongest evidence first: confidence, then asserted over negated or hedged."""
    return (-s.confidence, s.negated, s.hedged, s.document, s.start, s.id)


@dataclass(frozen=True)
class Relation:
    """All statements with the same (source, type, target), aggregated."""

    source: str
    type: RelType
    target: str
    count: int
    confidence: float
    first_seen: str | None
    last_seen: str | None
    statements: tuple[str, ...] = field(default=())

    @property
    def polarity(self) -> int:
        return self.type.polarity

    @classmethod
    def aggregate(cls, statements: list[Statement]) -> "Relation":
        """Noisy-or of the confidences: independent sentences make an edge surer."""
        first = statements[0]
        miss = 1.0
        for s in statements:
            miss *= 1.0 - s.confidence
        dates = sorted(s.date for s in statements if s.date)
        return cls(source=first.subject, type=first.type, target=first.object,
                   count=len(statements), confidence=round(1.0 - miss, 4),
                   first_seen=dates[0] if dates else None,
                   last_seen=dates[-1] if dates else None,
                   statements=tuple(sorted(s.id for s in statements)))

    def to_dict(self) -> dict:
        return {"source": self.source, "target": self.target, "type": self.type.value,
                "polarity": self.polarity, "count": self.count, "confidence": self.confidence,
                "first_seen": self.first_seen, "last_seen": self.last_seen}


@dataclass(frozen=True)
class Batch:
    """What one ingest step hands a store: documents, the actors they mention, their statements,
    and ``forms``: each document's own actors as (document id, actor), what cross-document
    linking groups (a batch without them stores each actor as one form of no document).

    A long document is written part by part: each batch up to its last part names it in
    ``unfinished`` with the number of its parts written so far; the store keeps that count
    (a re-run resumes after it) and counts the document as stored only once a batch names it
    without. Statement ids make a part written twice change nothing, and a document's forms
    from several parts add up."""

    documents: tuple[Document, ...] = ()
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    forms: tuple[tuple[str, Actor], ...] = ()
    unfinished: tuple[tuple[str, int], ...] = ()


class Form(NamedTuple):
    """One actor as one document saw it (``document`` is "" for one stored without its
    document), and the actor it is linked to across documents (``linked``)."""

    document: str
    actor: Actor
    linked: str


@dataclass(frozen=True)
class Linking:
    """What cross-document linking hands a store: ``links`` (document, form id) -> actor id
    for every stored form; ``actors``, every actor as linked; ``names``, the other names an
    actor is known by (for lookups); ``merges``, new audit entries; ``constraints``, the
    corrections by hand as (kind, a, b), replacing the stored ones when given.

    ``links`` may name only a part of the stored forms (an incremental grouping): a store
    reads and rewrites only those forms and the actors they were and are linked to.
    ``keys`` (form -> the keys it is found by) and ``words`` (words of their names) are what
    an incremental grouping looks the forms up by later; a store may keep them."""

    links: dict[tuple[str, str], str]
    actors: tuple[Actor, ...]
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    merges: tuple["Merge", ...] = ()
    constraints: tuple[tuple[str, str, str], ...] | None = None
    keys: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    words: tuple[str, ...] = ()


class Merge(NamedTuple):
    """One entry of the audit trail: ``form`` (an actor id as documents gave it) joined
    ``actor`` by ``rule``; ``names`` says which names met, ``document`` what triggered it
    ("" for a correction by hand)."""

    rule: str
    form: str
    actor: str
    names: str
    document: str
    at: str = ""


def batch_forms(batch: Batch, begun: Iterable[str]) -> tuple[dict[tuple[str, str], Actor], list[tuple[str, str]]]:
    """The forms ``batch`` writes, merged per (document, actor id): its ``forms``, or, for a
    batch without them, its actors as forms of no document; and the keys whose stored form
    they add to (forms of no document, and those of documents ``begun`` in earlier batches)."""
    pairs = batch.forms or tuple(("", a) for a in batch.actors)
    out: dict[tuple[str, str], Actor] = {}
    for d, a in pairs:
        out[(d, a.id)] = out[(d, a.id)].merged(a) if (d, a.id) in out else a
    begun = set(begun)
    return out, sorted(k for k in out if not k[0] or k[0] in begun)


def written(stored: dict[str, int | None], document: str, parts: int | None) -> bool:
    """Whether a batch's ``document`` (with ``parts`` written once the batch is, None when it
    finishes the document) is in the store already: ``stored`` maps stored documents to
    their parts written (None: finished)."""
    if document not in stored:
        return False
    have = stored[document]
    return have is None or (parts is not None and parts <= have)


def aggregate(statements: Iterable[Statement]) -> list[Relation]:
    """Statements grouped by (subject, type, object), in a stable order."""
    groups: dict[tuple, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[(s.subject, s.type.value, s.object)].append(s)
    return [Relation.aggregate(groups[k]) for k in sorted(groups)]


class Edge(NamedTuple):
    """An aggregated relation without its statements (what the graph algorithms walk)."""

    source: str
    type: RelType
    target: str
    count: int
    confidence: float
