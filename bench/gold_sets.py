"""Every gold set in one table: signed and typed precision/recall, per set.

    python bench/gold_sets.py [--sets gold,heldout,...] [--voa] [--types] [--bands]

Ingests each set's documents into a fresh store in a temporary folder and scores it
with ``actorgraph evaluate`` (the same code). Our gold is ``examples/`` against
``tests/data/gold``; each later set is ``tests/data/<name>/docs`` against its ``gold``.
With ``--voa``, the VOA development set too (``tests/data/voa/dev``, which points into
``../shared/corpus/voa/voa-stories.jsonl``; needs ``../shared``). ``--sets voa-blind,voa-blind2``
scores the earlier blind sets, each already scored once and so development sets now
(``voa-blind3`` too, scored once at the end of session 5).

The current blind set is ``lee-blind``: 20 Australian news stories of 2001-2002 from the Lee
corpus, which nobody developing the extractor has read (``tests/data/lee``). The project holds
none of their text; ``--lee PATH`` names the corpus file (``lee_background.cor``, in the
``gensim`` wheel: ``pip download gensim --no-deps`` and unzip ``gensim/test/test_data/``). It is
scored only with ``--final``: that first measure is a deliberate act, recorded in the notes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.graph import open_store  # noqa: E402
from actorgraph.loaders.pipeline import Pipeline, ingest  # noqa: E402
from actorgraph.queries.evaluate import Gold, evaluate  # noqa: E402

SETS = ("gold", "heldout", "later2", "later3", "later4", "later5")
VOA = ROOT.parent / "shared" / "corpus" / "voa" / "voa-stories.jsonl"
#: the Lee corpus file the lee-blind offsets point into (gensim 4.4.0's copy)
LEE_SHA256 = "5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb"


def voa_docs(gold: Gold, folder: Path) -> Path:
    """The stories a VOA gold set covers, as one JSONL file of their own."""
    out = folder / "voa.jsonl"
    with VOA.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            if str(json.loads(line)["id"]) in gold.documents:
                w.write(line)
    return out


def lee_docs(gold: Gold, corpus: Path, folder: Path) -> Path:
    """The Lee stories a gold set covers ("lee-004" is the corpus file's line 4), as JSONL."""
    data = corpus.read_bytes()
    if hashlib.sha256(data).hexdigest() != LEE_SHA256:
        raise SystemExit(f"{corpus}: not the Lee corpus file the gold's offsets point into (sha256 differs)")
    lines = data.decode("utf-8").split("\n")
    out = folder / "lee.jsonl"
    with out.open("w", encoding="utf-8") as w:
        for doc in sorted(gold.documents):
            w.write(json.dumps({"id": doc, "text": lines[int(doc.partition("-")[2]) - 1].strip()}) + "\n")
    return out


def score(name: str, pipeline: Pipeline, tmp: Path, lee: Path | None = None) -> dict:
    if name == "gold":
        docs, gold = ROOT / "examples", Gold.load(ROOT / "tests" / "data" / "gold")
    elif name == "lee-blind":
        gold = Gold.load(ROOT / "tests" / "data" / "lee" / "gold")
        docs = lee_docs(gold, lee, tmp)
    elif name.startswith("voa-"):
        gold = Gold.load(ROOT / "tests" / "data" / "voa" / name[4:] / "gold")
        docs = voa_docs(gold, tmp)
    else:
        docs, gold = ROOT / "tests" / "data" / name / "docs", Gold.load(ROOT / "tests" / "data" / name / "gold")
    path = tmp / f"{name}.db"
    with open_store(str(path), write=True) as store:
        ingest([docs], store, pipeline=pipeline)
    rep = evaluate(open_store(str(path)), gold)
    return {"set": name, "core": rep.levels["signed"].gold, "split": len(rep.splits), "unlinked": len(rep.splits_unlinked or ()), "found": rep.matched,
            **{f"{lv}_{m}": round(getattr(rep.levels[lv], m), 3) for lv in ("signed", "typed") for m in ("precision", "recall")},
            "bands": [(name, sc.precision, sc.system, sc.tp) for name, sc in rep.bands],
            "types": {t: (sc.precision, sc.recall, sc.system, sc.gold) for t, sc in rep.by_type.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--voa", action="store_true", help="also the VOA development set (needs ../shared)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--types", action="store_true", help="also typed P / R per relation type and set")
    ap.add_argument("--bands", action="store_true", help="also signed precision by confidence band and set")
    ap.add_argument("--final", action="store_true", help="allow the current blind set, lee-blind")
    ap.add_argument("--lee", type=Path, help="the Lee corpus file (lee_background.cor), for lee-blind")
    args = ap.parse_args()
    names = [n for n in args.sets.split(",") if n] + (["voa-dev"] if args.voa else [])
    if "lee-blind" in names and not args.final:
        ap.error("lee-blind is the blind set: it is scored once, at the end, with --final")
    if "lee-blind" in names and not (args.lee and args.lee.is_file()):
        ap.error("lee-blind needs --lee PATH to lee_background.cor (from the gensim wheel)")
    pipeline = Pipeline()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            rows.append(score(n, pipeline, Path(tmp), args.lee))
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"{'set':<10} {'core':>5}  signed P / R     typed P / R    gold actors split (unlinked)")
    for r in rows:
        print(f"{r['set']:<10} {r['core']:>5}  {r['signed_precision']:.3f} / {r['signed_recall']:.3f}"
              f"    {r['typed_precision']:.3f} / {r['typed_recall']:.3f}    {r['split']} of {r['found']} ({r['unlinked']})")
    if args.types:
        print(f"\ntyped P / R per relation type (a dash: no system edge, or no core gold edge)")
        print(f"{'type':<22}" + "".join(f"{r['set']:>14}" for r in rows))
        for t in rows[0]["types"]:
            cells = []
            for r in rows:
                p, rec, n_sys, n_gold = r["types"][t]
                cells.append(f"{(f'{p:.2f}' if n_sys else '-'):>7} / {(f'{rec:.2f}' if n_gold else '-'):<4}")
            print(f"{t:<22}" + "".join(f"{c:>14}" for c in cells))
    if args.bands:
        print(f"\nsigned precision by confidence band (edges in the band)")
        print(f"{'band':<22}" + "".join(f"{r['set']:>14}" for r in rows) + f"{'all sets':>14}")
        for i, (name, *_) in enumerate(rows[0]["bands"]):
            cells = [f"{r['bands'][i][1]:.2f} ({r['bands'][i][2]})" if r["bands"][i][2] else "-" for r in rows]
            tp, n = sum(r["bands"][i][3] for r in rows), sum(r["bands"][i][2] for r in rows)
            cells.append(f"{tp / n:.2f} ({n})" if n else "-")
            print(f"{name:<22}" + "".join(f"{c:>14}" for c in cells))


if __name__ == "__main__":
    main()
