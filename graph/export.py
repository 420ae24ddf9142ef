"""Exports of a store: the ``actorgraph/1`` JSON of DESIGN.md, GraphML, GEXF and CSV."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx

from .model import Relation, Statement
from .model import aggregate
from .store import GraphStore

FORMATS = ("json", "graphml", "gexf", "csv")


def strongest_first(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda s: (-s.confidence, s.document, s.start, s.id))


def filtered(store: GraphStore, min_confidence: float = 0.0) -> tuple[list[Relation], dict[str, Statement]]:
    """Relations re-aggregated from the statements at or above ``min_confidence``."""
    statements = [s for s in store.statements() if s.confidence >= min_confidence]
    return aggregate(statements), {s.id: s for s in statements}


def to_json_data(store: GraphStore, *, min_confidence: float = 0.0) -> dict:
    relations, by_id = filtered(store, min_confidence)
    return {
        "format": "actorgraph/1",
        "actors": [{"id": a.id, "name": a.name, "type": a.type.value, "aliases": list(a.aliases),
                    "mentions": a.mentions} for a in store.actors()],
        "relations": [
            {"source": r.source, "target": r.target, "type": r.type.value, "polarity": r.polarity,
             "count": r.count, "confidence": r.confidence,
             "evidence": [{"document": s.document, "line": s.line, "sentence": s.sentence,
                           "start": s.start, "end": s.end}
                          for s in strongest_first([by_id[i] for i in r.statements])]}
            for r in relations],
        "documents": [{"id": d.id, "source": d.source, "sha256": d.sha256} for d in store.documents()],
    }


def to_networkx(store: GraphStore, *, min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """A plain MultiDiGraph with scalar attributes (what GraphML and GEXF accept)."""
    relations, by_id = filtered(store, min_confidence)
    g = nx.MultiDiGraph()
    for a in store.actors():
        g.add_node(a.id, name=a.name, type=a.type.value, aliases="|".join(a.aliases), mentions=a.mentions)
    for r in relations:
        best = strongest_first([by_id[i] for i in r.statements])[0]
        g.add_edge(r.source, r.target, key=r.type.value, type=r.type.value, polarity=r.polarity,
                   count=r.count, confidence=r.confidence, evidence=best.sentence,
                   first_seen=r.first_seen or "", last_seen=r.last_seen or "")
    return g


def export(store: GraphStore, fmt: str, *, min_confidence: float = 0.0) -> str:
    """The store in format ``fmt`` as text (deterministic: same store, same bytes)."""
    if fmt == "json":
        return json.dumps(to_json_data(store, min_confidence=min_confidence), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("graphml", "gexf"):
        g = to_networkx(store, min_confidence=min_confidence)
        lines = nx.generate_graphml(g) if fmt == "graphml" else nx.generate_gexf(g)
        return "\n".join(lines) + "\n"
    if fmt == "csv":
        relations, by_id = filtered(store, min_confidence)
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["source", "target", "type", "polarity", "count", "confidence", "first_seen", "last_seen",
                    "evidence", "document", "line"])
        for r in relations:
            best = strongest_first([by_id[i] for i in r.statements])[0]
            w.writerow([r.source, r.target, r.type.value, r.polarity, r.count, r.confidence,
                        r.first_seen or "", r.last_seen or "", best.sentence, best.document, best.line or ""])
        return out.getvalue()
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
