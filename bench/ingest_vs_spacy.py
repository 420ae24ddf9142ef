"""Ingest throughput against bare spaCy on the same text, same model, in one run.

    python bench/ingest_vs_spacy.py [--repeat N] [--runs R] [--processes 1,2] [FILES...]

Reads the given files (default: ../shared/corpus/*.txt when present, plus examples/),
multiplies the text N times (each copy made unique so that no document is skipped as
already stored), writes them as files, then times, best of R, alternating:

  in-run (one process, set-up excluded):
    bare  nlp.pipe fed the fastest way we know: paragraph by paragraph, batch_size=64
          (also shown: whole documents, batch_size=32, the slower way)
    ours  loaders.pipeline.ingest into a fresh store (parse, resolve, extract, write)
  whole process (start-up, model load, reading the files included):
    bare  `python -c ...`: load the model, read every file, nlp.pipe the paragraphs
    ours  `actorgraph ingest FOLDER --store NEW --processes P` for each P given

and prints words/s and ratios (ours / bare; 1.0 = no overhead). The bare whole process
runs with one process; ours with 2 is compared against it and against ours with 1. Each
whole process's CPU time (user + system) is printed too, and the 1-process CPU-time ratio:
on a machine other work is loading, wall times swing and CPU time is the steadier figure.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.graph import open_store  # noqa: E402
from actorgraph.loaders.nlp import MODELS, load_model  # noqa: E402
from actorgraph.loaders.pipeline import Pipeline, ingest, paragraphs  # noqa: E402
from actorgraph.loaders.readers import read_text  # noqa: E402

BARE_PROCESS = f"""
import importlib, sys
from pathlib import Path
for name in {MODELS!r}:
    try:
        nlp = importlib.import_module(name).load(); break
    except ImportError:
        continue
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]
paras = (line for t in texts for line in t.splitlines(keepends=True))
for _ in nlp.pipe(paras, batch_size=64):
    pass
"""


def bare_model():
    import importlib

    for name in MODELS:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit("no spaCy model installed")


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def children_cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def timed_process(argv: list[str], cpu: dict, key: str, **kw) -> float:
    """Wall seconds of one whole process; its CPU seconds (user + system, all its processes)
    go to ``cpu[key]`` when lower: on a loaded machine the steadier figure."""
    before = children_cpu()
    seconds = timed(lambda: subprocess.run(argv, check=True, **kw))
    cpu[key] = min(cpu.get(key, float("inf")), children_cpu() - before)
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--processes", default="1,2", help="process counts for the whole-process runs")
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or sorted((ROOT.parent / "shared" / "corpus").glob("*.txt")) + \
        sorted((ROOT / "examples").glob("*.txt"))
    base = [read_text(f) for f in files]
    texts = [f"{t}\n[copy {n}]" for n in range(args.repeat) for t in base]
    paras = [p for t in texts for p in paragraphs(t)]

    bare = bare_model()
    pipeline = Pipeline(nlp=load_model())
    words = sum(1 for d in bare.pipe(texts[:len(base)]) for t in d if not t.is_punct and not t.is_space)
    words *= args.repeat
    print(f"{len(texts)} documents ({len(paras)} paragraphs), {words:,} words")

    best = {"bare": float("inf"), "bare-whole-docs": float("inf"), "ours": float("inf")}
    whole = {"bare": float("inf"), **{f"ours-{p}": float("inf") for p in args.processes.split(",")}}
    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:04d}.txt").write_text(t, encoding="utf-8")
        for run in range(args.runs):
            best["bare"] = min(best["bare"], timed(lambda: [None for _ in bare.pipe(paras, batch_size=64)]))
            best["bare-whole-docs"] = min(best["bare-whole-docs"],
                                          timed(lambda: [None for _ in bare.pipe(texts, batch_size=32)]))
            store_path = Path(tmp) / f"store{run}.db"

            def ours():
                with open_store(str(store_path), write=True) as store:
                    report = ingest([folder], store, pipeline=pipeline)
                assert report.documents == len(texts), report
            best["ours"] = min(best["ours"], timed(ours))
            whole["bare"] = min(whole["bare"], timed_process(
                [sys.executable, "-c", BARE_PROCESS, str(folder)], cpu, "bare"))
            for p in args.processes.split(","):
                out = Path(tmp) / f"whole{run}-{p}.db"
                whole[f"ours-{p}"] = min(whole[f"ours-{p}"], timed_process(
                    [sys.executable, "-m", "actorgraph.cli", "ingest", str(folder), "--store", str(out),
                     "--processes", p], cpu, f"ours-{p}", capture_output=True))
    print("in-run, one process, set-up excluded:")
    for k, v in best.items():
        print(f"  {k:<16} {words / v:10,.0f} words/s  ({v:.2f} s)")
    print(f"  ratio ours/bare        : {best['bare'] / best['ours']:.3f}   (against whole documents: "
          f"{best['bare-whole-docs'] / best['ours']:.3f})")
    print("whole process, start-up included:")
    for k, v in whole.items():
        print(f"  {k:<16} {words / v:10,.0f} words/s  ({v:.2f} s; CPU {cpu[k]:.2f} s)")
    if "1" in args.processes.split(","):
        print(f"  CPU-time ratio ours(1 process)/bare: {cpu['bare'] / cpu['ours-1']:.3f}")
    for p in args.processes.split(","):
        print(f"  ratio ours({p} processes)/bare(1 process): {whole['bare'] / whole[f'ours-{p}']:.3f}")
    if "1" in args.processes.split(",") and len(whole) > 2:
        for p in args.processes.split(","):
            if p != "1":
                print(f"  speed-up of {p} processes over 1: {whole['ours-1'] / whole[f'ours-{p}']:.2f}x")


if __name__ == "__main__":
    main()
