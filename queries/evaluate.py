"""Precision and recall of a store against a gold set (``../shared/annotation.md`` rules).

A gold directory holds ``actors.json`` (``[{"id", "type", "aliases"}]``) and
``relations.jsonl`` (``{"s", "rel", "o", "polarity", "core", "line", "evidence"}``,
optionally ``"doc"``: the file name of the document, or the id of a JSONL/CSV record; a gold
set over text the project may not hold gives ``"start"``/``"end"``, the sentence's character
offsets, instead of ``"evidence"``). System actors are matched to
gold actors through their names and aliases; edges are compared as sets at three
levels: pair (direction only), signed (with polarity) and typed (with the type).
Precision counts a system edge correct when it matches any gold edge; recall is
over core gold edges. Symmetric types match in either direction.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.graph import GraphStore, InputError, RelType, aggregate
from actorgraph.graph.names import normalize

LEVELS = ("pair", "signed", "typed")
BANDS = ((0.75, 1.01, "high  >=0.75"), (0.5, 0.75, "mid   0.50-0.75"), (0.0, 0.5, "low   <0.50"))


@dataclass(frozen=True)
class Edge:
    s: str
    type: RelType
    o: str
    evidence: str = ""
    confidence: float = 1.0

    def keys(self, level: str) -> set[tuple]:
        tag = {"pair": (), "signed": (self.type.polarity,), "typed": (self.type.value,)}[level]
        out = {(self.s, self.o, *tag)}
        if self.type.symmetric:
            out.add((self.o, self.s, *tag))
        return out


@dataclass
class Gold:
    aliases: dict[str, str]
    edges: list[Edge]
    core: list[Edge]
    documents: set[str]

    @classmethod
    def load(cls, folder: str | Path) -> "Gold":
        """One gold folder, or a folder of gold folders (their union)."""
        folder = Path(folder)
        if not (folder / "actors.json").exists():
            parts = sorted(p.parent for p in folder.glob("*/actors.json"))
            if not parts:
                raise InputError(f"{folder}: no actors.json here or in its subfolders")
            golds = [cls.load(p) for p in parts]
            aliases: dict[str, str] = {}
            for g in golds:
                for k, v in g.aliases.items():
                    aliases.setdefault(k, v)
            return cls(aliases, [e for g in golds for e in g.edges], [e for g in golds for e in g.core],
                       set().union(*(g.documents for g in golds)))
        try:
            actors = json.loads((folder / "actors.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"{folder / 'actors.json'}: cannot read gold actors ({e})") from None
        aliases: dict[str, str] = {}
        for a in actors:
            for form in [a["id"], a["id"].replace("-", " "), *a.get("aliases", ())]:
                aliases.setdefault(normalize(form), a["id"])
        edges, core, docs = [], [], set()
        path = folder / "relations.jsonl"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{path}: cannot read gold relations ({e})") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                where = f'{r.get("doc", "")} chars {r["start"]}-{r["end"]}' if "start" in r else ""
                e = Edge(r["s"], RelType.parse(r["rel"]), r["o"], r.get("evidence") or where)
            except (json.JSONDecodeError, KeyError, ValueError) as err:
                raise InputError(f"{path}:{n}: malformed gold relation ({err})") from None
            edges.append(e)
            if r.get("core", True):
                core.append(e)
            if r.get("doc"):
                docs.add(r["doc"])
        return cls(aliases, edges, core, docs)


@dataclass
class Score:
    tp: int = 0
    system: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    levels: dict[str, Score]
    by_type: dict[str, Score]
    bands: list[tuple[str, Score]]
    misses: list[Edge] = field(default_factory=list)
    false_positives: list[Edge] = field(default_factory=list)
    #: gold actor -> the several system actors it was found under (one actor, split in two or more)
    splits: dict[str, list[str]] = field(default_factory=dict)
    matched: int = 0  # gold actors found under at least one system actor
    #: the same, as the documents saw their actors before cross-document linking joined them
    splits_unlinked: dict[str, list[str]] | None = None


def match_names(named: dict[str, set[str]], gold: Gold) -> dict[str, str]:
    """System actor id -> gold actor id (by the most name and alias matches), else "?" + the id."""
    out = {}
    for sid, names in named.items():
        votes = Counter(gold.aliases[k] for k in {normalize(f) for f in names} if k in gold.aliases)
        out[sid] = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if votes else f"?{sid}"
    return out


def names_of(actor) -> set[str]:
    return {actor.id.replace("-", " "), actor.name, *actor.aliases}


def match_actors(store: GraphStore, gold: Gold) -> dict[str, str]:
    return match_names({a.id: names_of(a) for a in store.actors()}, gold)


def unlinked_actors(store: GraphStore, docs: set[str]) -> dict[str, set[str]]:
    """The actors as the documents saw them, before cross-document linking: each stored form
    under the id its own document gave it (forms of one id in several documents are one actor,
    as they were before linking), with the names of all of them."""
    out: dict[str, set[str]] = {}
    for f in store.forms():
        if f.document in docs:
            out.setdefault(f.actor.id, set()).update(names_of(f.actor))
    return out


def split_actors(amap: dict[str, str]) -> tuple[dict[str, list[str]], int]:
    """Gold actors found under several system actors, and how many gold actors were found at all."""
    found_as: dict[str, list[str]] = {}
    for system_id, gold_id in sorted(amap.items()):
        if not gold_id.startswith("?"):
            found_as.setdefault(gold_id, []).append(system_id)
    return {g: ids for g, ids in found_as.items() if len(ids) > 1}, len(found_as)


def document_names(source: str) -> set[str]:
    """The names a gold "doc" may give a document by: its file name, with or without the
    extension, or the record id after "#" of a JSONL/CSV record ("stories.jsonl#8011115")."""
    names = {Path(source).name, Path(source).stem}
    if "#" in source:
        names.add(source.rpartition("#")[2])
    return names


def evaluate(store: GraphStore, gold: Gold, *, min_confidence: float = 0.0) -> Report:
    docs = {d.id for d in store.documents() if document_names(d.source) & gold.documents} \
        or {d.id for d in store.documents()}
    statements = [s for s in store.statements() if s.document in docs and s.confidence >= min_confidence]
    by_id = {s.id: s for s in statements}
    amap = match_actors(store, gold)
    system: dict[tuple, Edge] = {}
    for r in aggregate(statements):
        best = max((by_id[i] for i in r.statements), key=lambda s: s.confidence)
        e = Edge(amap[r.source], r.type, amap[r.target], best.sentence, r.confidence)
        if e.s == e.o:
            continue
        key = min(e.keys("typed"))
        if key not in system or system[key].confidence < e.confidence:
            system[key] = e
    sys_edges = list(system.values())

    def score(sys_list: list[Edge], gold_all: list[Edge], gold_core: list[Edge], level: str) -> Score:
        gold_keys = set().union(*(g.keys(level) for g in gold_all)) if gold_all else set()
        sys_keys = set().union(*(e.keys(level) for e in sys_list)) if sys_list else set()
        uniq = {min(e.keys(level)): e for e in sys_list}
        core_uniq = {min(g.keys(level)): g for g in gold_core}
        return Score(tp=sum(1 for e in uniq.values() if e.keys(level) & gold_keys), system=len(uniq),
                     found=sum(1 for g in core_uniq.values() if g.keys(level) & sys_keys), gold=len(core_uniq))

    levels = {lv: score(sys_edges, gold.edges, gold.core, lv) for lv in LEVELS}
    by_type = {}
    for t in RelType:
        by_type[t.value] = score([e for e in sys_edges if e.type is t], [g for g in gold.edges if g.type is t],
                                 [g for g in gold.core if g.type is t], "typed")
    bands = [(name, score([e for e in sys_edges if lo <= e.confidence < hi], gold.edges, [], "signed"))
             for lo, hi, name in BANDS]
    gold_typed = set().union(*(g.keys("typed") for g in gold.edges)) if gold.edges else set()
    sys_typed = set().union(*(e.keys("typed") for e in sys_edges)) if sys_edges else set()
    misses = list({min(g.keys("typed")): g for g in gold.core if not g.keys("typed") & sys_typed}.values())
    fps = [e for e in sys_edges if not e.keys("typed") & gold_typed]
    splits, matched = split_actors(amap)
    seen = unlinked_actors(store, docs)  # none in a store of an earlier version, which kept no forms
    unlinked = split_actors(match_names(seen, gold))[0] if seen else None
    return Report(levels, by_type, bands, misses, fps, splits, matched, unlinked)


def format_report(rep: Report, *, details: bool = True) -> str:
    lines = ["level    precision  recall   f1      (tp/system, found/core)"]
    for lv, s in rep.levels.items():
        lines.append(f"{lv:<8} {s.precision:9.3f} {s.recall:7.3f} {s.f1:7.3f}   ({s.tp}/{s.system}, {s.found}/{s.gold})")
    lines += ["", "typed, per relation type"]
    for t, s in rep.by_type.items():
        if s.system or s.gold:
            lines.append(f"  {t:<22} P {s.precision:5.2f} ({s.tp}/{s.system})  R {s.recall:5.2f} ({s.found}/{s.gold})")
    unlinked = "" if rep.splits_unlinked is None else f" (without cross-document linking: {len(rep.splits_unlinked)})"
    lines += ["", f"gold actors split across several system actors: {len(rep.splits)} of {rep.matched} found{unlinked}"]
    lines += [f"  {g}: {', '.join(ids)}" for g, ids in sorted(rep.splits.items())] if details else []
    lines += ["", "signed precision by confidence band"]
    for name, s in rep.bands:
        lines.append(f"  {name:<16} P {s.precision:5.2f} ({s.tp}/{s.system})")
    if details:
        lines += ["", f"misses ({len(rep.misses)} core gold edges not found)"]
        lines += [f"  - {e.s} {e.type.value} {e.o}  | {e.evidence[:110]}" for e in rep.misses]
        lines += ["", f"false positives ({len(rep.false_positives)} system edges not in the gold, typed)"]
        lines += [f"  + {e.s} {e.type.value} {e.o} [{e.confidence:.2f}]  | {e.evidence[:110]}"
                  for e in sorted(rep.false_positives, key=lambda e: (e.s, e.type.value, e.o))]
    return "\n".join(lines)
