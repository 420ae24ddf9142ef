"""Ingest throughput against bare spaCy, same text, same model, one process, one run.

    python bench/ingest_vs_spacy.py [--repeat N] [--runs R] [FILES...]

Reads the given files (default: ../shared/corpus/*.txt when present, plus
examples/), multiplies the text N times (each copy made unique so that no
document is skipped as already stored), then times, alternating and best of R:
  bare: nlp.pipe over the texts (the model as it ships: en_core_web_sm)
  ours: loaders.pipeline.ingest into a fresh NetworkX store (parse, resolve,
        extract, write and save the store)
and prints words/s for both and their ratio (ours / bare; 1.0 = no overhead).
Set-up (loading the model, building the gazetteer matcher) is timed apart.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.graph import open_store  # noqa: E402
from actorgraph.loaders.nlp import MODELS, load_model  # noqa: E402
from actorgraph.loaders.pipeline import Pipeline, ingest  # noqa: E402
from actorgraph.loaders.readers import read_text  # noqa: E402


def bare_model():
    import importlib

    for name in MODELS:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit("no spaCy model installed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or sorted((ROOT.parent / "shared" / "corpus").glob("*.txt")) + \
        sorted((ROOT / "examples").glob("*.txt"))
    base = [read_text(f) for f in files]
    texts = [f"{t}\n[copy {n}]" for n in range(args.repeat) for t in base]

    t0 = time.perf_counter()
    bare = bare_model()
    t1 = time.perf_counter()
    pipeline = Pipeline(nlp=load_model())
    t2 = time.perf_counter()
    words = sum(1 for d in bare.pipe(texts[:len(base)]) for t in d if not t.is_punct and not t.is_space)
    words *= args.repeat
    print(f"{len(texts)} documents, {words:,} words; set-up: bare model {t1 - t0:.2f} s, "
          f"actorgraph pipeline {t2 - t1:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:04d}.txt").write_text(t, encoding="utf-8")
        best_bare = best_ours = float("inf")
        for run in range(args.runs):
            t = time.perf_counter()
            for _ in bare.pipe(texts, batch_size=32):
                pass
            best_bare = min(best_bare, time.perf_counter() - t)
            store_path = Path(tmp) / f"store{run}.json"
            t = time.perf_counter()
            with open_store(str(store_path), write=True) as store:
                report = ingest([folder], store, pipeline=pipeline)
            best_ours = min(best_ours, time.perf_counter() - t)
            assert report.documents == len(texts), report
    bare_wps, ours_wps = words / best_bare, words / best_ours
    print(f"bare spaCy nlp.pipe : {bare_wps:10,.0f} words/s  ({best_bare:.2f} s)")
    print(f"actorgraph ingest   : {ours_wps:10,.0f} words/s  ({best_ours:.2f} s, "
          f"{report.statements} statements)")
    print(f"ratio ours/bare     : {ours_wps / bare_wps:.3f}")


if __name__ == "__main__":
    main()
