"""What one ingest of a corpus gives: statements, actors, actors with an edge; and the edges
that are new against an earlier run, each with one sentence, for a spot-check by hand.

    python bench/corpus_edges.py FILE... [--save edges.json] [--against old.json] [--sample N]

Ingests the files into a fresh store in a temporary folder (the same code as ``actorgraph
ingest``) and prints the counts. ``--save`` keeps the edges (subject, type, object, with the
first sentence behind each) as JSON; ``--against`` an earlier such file lists the edges it
lacks, or ``--sample N`` of them picked at random (seed 0), so that the same run picks the
same ones.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.graph import open_store  # noqa: E402
from actorgraph.loaders.pipeline import ingest  # noqa: E402


def edges_of(paths: list[str]) -> tuple[dict, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "corpus.db")
        with open_store(path, write=True) as store:
            ingest(paths, store)
        with open_store(path) as store:
            statements = store.statements()
            actors = store.actors()
    edges: dict[str, dict] = {}
    for s in sorted(statements, key=lambda s: (s.document, s.start)):
        key = f"{s.subject} {s.type.value} {s.object}"
        edges.setdefault(key, {"edge": key, "sentence": s.sentence, "confidence": s.confidence})
    with_edge = {x for s in statements for x in (s.subject, s.object)}
    print(f"{len(statements)} statements, {len(edges)} edges, {len(actors)} actors, "
          f"{len(with_edge & {a.id for a in actors})} actors with at least one edge")
    return edges, len(statements)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--save", help="write the edges here (JSON)")
    ap.add_argument("--against", help="an earlier --save file: list the edges it lacks")
    ap.add_argument("--sample", type=int, default=0, help="list only N of the new edges, at random")
    args = ap.parse_args()
    edges, _ = edges_of(args.files)
    if args.save:
        Path(args.save).write_text(json.dumps(list(edges.values()), indent=1) + "\n", encoding="utf-8")
    if args.against:
        old = {e["edge"] for e in json.loads(Path(args.against).read_text(encoding="utf-8"))}
        new = [e for k, e in edges.items() if k not in old]
        gone = sorted(old - edges.keys())
        print(f"{len(new)} edges new against {args.against}, {len(gone)} gone")
        shown = random.Random(0).sample(new, args.sample) if 0 < args.sample < len(new) else new
        for e in shown:
            print(f"\n+ {e['edge']}  [{e['confidence']:.2f}]\n  {e['sentence']}")
        for k in gone:
            print(f"- {k}")


if __name__ == "__main__":
    main()
