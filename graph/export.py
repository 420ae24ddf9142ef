"""Exports of a store: the ``actorgraph/1`` JSON of DESIGN.md, GraphML, GEXF and CSV.

Every format is written as it is read: a relation at a time with its statements
(``GraphStore.relation_groups``), so memory grows with one relation's evidence
(GraphML and GEXF: with the relations' best sentences), not with the store.
"""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Iterator

import networkx as nx

from .model import Actor, Document, Relation, Statement
from .store import GraphStore

FORMATS = ("json", "graphml", "gexf", "csv")


def strongest_first(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda s: (-s.confidence, s.document, s.start, s.id))


def filtered(store: GraphStore, min_confidence: float = 0.0) -> Iterator[tuple[Relation, list[Statement]]]:
    """Relations re-aggregated from the statements at or above ``min_confidence``, each with
    those statements, strongest first; one relation at a time."""
    for relation, group in store.relation_groups(min_confidence):
        yield relation, strongest_first(group)


def _actor_json(a: Actor) -> dict:
    return {"id": a.id, "name": a.name, "type": a.type.value, "aliases": list(a.aliases),
            "mentions": a.mentions}


def _relation_json(r: Relation, evidence: list[Statement]) -> dict:
    return {"source": r.source, "target": r.target, "type": r.type.value, "polarity": r.polarity,
            "count": r.count, "confidence": r.confidence, "first_seen": r.first_seen, "last_seen": r.last_seen,
            "evidence": [_evidence(s) for s in evidence]}


def _document_json(d: Document) -> dict:
    return {"id": d.id, "source": d.source, "sha256": d.sha256}


def _sections(store: GraphStore, min_confidence: float) -> dict[str, Iterator[dict]]:
    return {"actors": (_actor_json(a) for a in store.actors()),
            "relations": (_relation_json(r, ev) for r, ev in filtered(store, min_confidence)),
            "documents": (_document_json(d) for d in store.documents())}


def _evidence(s: Statement) -> dict:
    """One statement's evidence; the sentence without trailing whitespace, ``end`` to match."""
    sentence = s.sentence.rstrip()
    return {"document": s.document, "line": s.line, "sentence": sentence,
            "start": s.start, "end": min(s.end, s.start + len(sentence))}


def to_json_data(store: GraphStore, *, min_confidence: float = 0.0) -> dict:
    return {"format": "actorgraph/1", **{k: list(v) for k, v in _sections(store, min_confidence).items()}}


def write_json(store: GraphStore, out: IO[str], *, min_confidence: float = 0.0) -> None:
    """``json.dumps(to_json_data(store), indent=2)`` and a newline, written an item at a time."""
    out.write('{\n  "format": "actorgraph/1"')
    for name, items in _sections(store, min_confidence).items():
        out.write(f',\n  "{name}": [')
        first = True
        for item in items:
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            out.write(("\n    " if first else ",\n    ") + text)
            first = False
        out.write("]" if first else "\n  ]")
    out.write("\n}\n")


def to_networkx(store: GraphStore, *, min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """A plain MultiDiGraph with scalar attributes (what GraphML and GEXF accept).

    Nodes carry the display name as ``label``; an edge's relation type is ``relation``
    (GEXF reserves an edge's ``type`` for directed/undirected)."""
    g = nx.MultiDiGraph()
    for a in store.actors():
        g.add_node(a.id, label=a.name, name=a.name, type=a.type.value, aliases="|".join(a.aliases),
                   mentions=a.mentions)
    for r, evidence in filtered(store, min_confidence):
        best = evidence[0]
        g.add_edge(r.source, r.target, key=r.type.value, relation=r.type.value, polarity=r.polarity,
                   count=r.count, confidence=r.confidence, evidence=best.sentence.rstrip(),
                   first_seen=r.first_seen or "", last_seen=r.last_seen or "")
    return g


def write_export(store: GraphStore, fmt: str, out: IO[str], *, min_confidence: float = 0.0) -> None:
    """Write the store in format ``fmt`` to ``out`` (deterministic: same store, same bytes)."""
    if fmt == "json":
        write_json(store, out, min_confidence=min_confidence)
    elif fmt in ("graphml", "gexf"):
        g = to_networkx(store, min_confidence=min_confidence)
        out.write('<?xml version="1.0" encoding="utf-8"?>\n')
        for line in nx.generate_graphml(g) if fmt == "graphml" else nx.generate_gexf(g):
            out.write(line + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["source", "target", "type", "polarity", "count", "confidence", "first_seen", "last_seen",
                    "evidence", "document", "source", "line"])
        sources = {d.id: d.source for d in store.documents()}
        for r, evidence in filtered(store, min_confidence):
            best = evidence[0]
            w.writerow([r.source, r.target, r.type.value, r.polarity, r.count, r.confidence,
                        r.first_seen or "", r.last_seen or "", best.sentence.rstrip(), best.document,
                        sources.get(best.document, ""), best.line or ""])
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")


def export(store: GraphStore, fmt: str, *, min_confidence: float = 0.0) -> str:
    """The store in format ``fmt`` as text (see :func:`write_export`)."""
    out = io.StringIO()
    write_export(store, fmt, out, min_confidence=min_confidence)
    return out.getvalue()
