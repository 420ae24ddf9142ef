"""The embedded store at scale: query, export and small-ingest costs as whole processes.

    python bench/store_scale.py [--sizes 100000,1000000] [--runs 3] [--keep DIR]

For each size N it builds a synthetic store of N statements (direct batched
``NetworkXStore.write`` calls, not spaCy): N/10 actors whose mentions follow a
Zipf-like law (a few actors in most statements, most actors in a few), sentences
of 12-45 words, 50 statements to a document, 70 % of them dated. Then it runs each
command as its own process (``actorgraph ... --store S``), best of ``--runs``:

    actors | show TOP | show MID | path MID1 MID2 | allies TOP | export -o FILE

and ``ingest`` of one small document (a copy of the store, so each run adds it
anew) against the same into an empty store. TOP is the most mentioned actor,
MID an actor of median rank among the first thousand. Prints store size, seconds
and peak memory (max RSS of the process) for each, and the targets of issue 12:
at 1M statements actors/show/path < 1 s, export peak < 2 GB, a small ingest at most
0.3 s slower than into an empty store; at 100k the queries < 0.5 s.
"""
from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.graph import Actor, ActorType, Batch, Document, RelType, Statement  # noqa: E402
from actorgraph.graph.nx_store import NetworkXStore  # noqa: E402
from actorgraph.loaders.lexicon import Gazetteer  # noqa: E402
from actorgraph.loaders.link import relink  # noqa: E402

SMALL_DOC = ("Border talks\nChad criticised Niger on Tuesday over the border, and Chad later "
             "backed Mali, officials said.\n")
WORDS = ("the of and to in said officials on with after forces talks border minister government "
         "troops ceasefire week statement attack support aid sanctions meeting visit region army "
         "agreement militia capital president spokesman reported according earlier against").split()
TYPE_WEIGHTS = {RelType.MEETS: 14, RelType.SUPPORTS: 12, RelType.CRITICIZES: 12, RelType.ATTACKS: 14,
                RelType.AGREES_WITH: 6, RelType.COOPERATES_WITH: 7, RelType.PROVIDES_MILITARY_AID: 5,
                RelType.PROVIDES_AID: 5, RelType.OPPOSES: 7, RelType.THREATENS: 6, RelType.SANCTIONS: 4,
                RelType.LEADS: 4, RelType.MEMBER_OF: 4}


def actor_name(i: int) -> str:
    syll = ["ka", "lo", "ri", "men", "tas", "vo", "dun", "el", "sha", "bar", "qui", "zor"]
    return "".join(syll[(i // len(syll) ** k) % len(syll)] for k in range(3)).capitalize() + f" {i}"


def build(path: Path, n: int, *, seed: int = 12, per_doc: int = 50, docs_per_batch: int = 200) -> list[Actor]:
    rng = random.Random(seed)
    n_actors = max(100, n // 10)
    types = list(ActorType)
    actors = [Actor(f"actor-{i}", actor_name(i), types[i % len(types)],
                    tuple(sorted([actor_name(i), f"A{i}", f"the {actor_name(i)} side"][:1 + i % 3])), 0)
              for i in range(n_actors)]
    cum = list(itertools.accumulate(1.0 / (r + 1) ** 1.05 for r in range(n_actors)))
    rtypes, rweights = list(TYPE_WEIGHTS), list(itertools.accumulate(TYPE_WEIGHTS.values()))
    n_docs = -(-n // per_doc)
    made = 0
    with NetworkXStore(path, write=True) as store:
        store.write(Batch(actors=tuple(actors)))  # every actor, the rarest too
        for first in range(0, n_docs, docs_per_batch):
            docs, statements, used = [], [], {}
            for d in range(first, min(n_docs, first + docs_per_batch)):
                doc = Document.from_text(f"synthetic document {d}", f"wire/{d:07d}.txt")
                docs.append(doc)
                offset = 0
                for k in range(min(per_doc, n - made)):
                    a, b = rng.choices(range(n_actors), cum_weights=cum, k=2)
                    if a == b:
                        b = (b + 1) % n_actors
                    t = rng.choices(rtypes, cum_weights=rweights)[0]
                    words = rng.choices(WORDS, k=rng.randint(12, 45))
                    words[rng.randrange(len(words))] = actors[a].name
                    words[rng.randrange(len(words))] = actors[b].name
                    sentence = " ".join(words).capitalize() + "."
                    date = f"{rng.randint(2011, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" \
                        if rng.random() < 0.7 else None
                    statements.append(Statement.make(
                        subject=actors[a].id, type=t, object=actors[b].id, document=doc.id, start=offset,
                        end=offset + len(sentence), confidence=round(rng.uniform(0.3, 0.95), 2),
                        sentence=sentence, line=k + 1, date=date, pattern="synthetic/1"))
                    offset += len(sentence) + 1
                    used[a] = used.get(a, 0) + 1
                    used[b] = used.get(b, 0) + 1
                    made += 1
            batch_actors = tuple(Actor(actors[i].id, actors[i].name, actors[i].type, actors[i].aliases,
                                       used[i]) for i in sorted(used))
            store.write(Batch(tuple(docs), batch_actors, tuple(statements)))
    return actors


def command() -> list[str]:
    script = Path(sys.executable).with_name("actorgraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "actorgraph.cli"]


def measure(argv: list[str]) -> tuple[float, float, str, float]:
    """(seconds, peak RSS in MB, stdout, CPU seconds) of one whole process. CPU time (user +
    system) is what the process itself costs; on a loaded machine it is the steadier figure."""
    runner = ("import resource, subprocess, sys, time\n"
              "t = time.perf_counter()\n"
              "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)\n"
              "dt = time.perf_counter() - t\n"
              "if p.returncode: sys.exit(p.stderr)\n"
              "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              "print(dt, u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)\n"
              "sys.stderr.write(p.stdout)\n")
    done = subprocess.run([sys.executable, "-c", runner, *argv], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)}: {done.stderr.strip()[-500:]}")
    seconds, rss, cpu = done.stdout.split()
    return float(seconds), float(rss), done.stderr, float(cpu)


def best(argv: list[str], runs: int) -> tuple[float, float, float]:
    """Best wall seconds, peak MB, best CPU seconds of ``runs`` runs."""
    found = [measure(argv) for _ in range(runs)]
    return min(f[0] for f in found), max(f[1] for f in found), min(f[3] for f in found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", help="folder to build the stores in (kept; reused when present)")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="store-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    ag = command()
    (work / "small.txt").write_text(SMALL_DOC, encoding="utf-8")
    empty = work / "empty.db"
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        store = work / f"s{n}.db"
        if not store.exists():
            t = time.perf_counter()
            build(store, n)
            print(f"built {store} ({n:,} statements) in {time.perf_counter() - t:.0f} s", flush=True)
        with NetworkXStore(store, write=True) as st:  # linked once, as a store that was ingested is
            if st.pending_forms():
                t = time.perf_counter()
                relink(st, Gazetteer.load())
                print(f"linked {store} in {time.perf_counter() - t:.0f} s", flush=True)
        with NetworkXStore(store) as st:
            top = [r[0] for r in st._db.execute("SELECT id FROM actors ORDER BY mentions DESC, id LIMIT 1000")]
            n_actors = st._db.execute("SELECT count(*) FROM actors").fetchone()[0]
            n_rel = st._db.execute("SELECT count(*) FROM relations").fetchone()[0]
        names = {}
        with NetworkXStore(store) as st:
            for a in st.actors_by_id([top[0], top[500], top[510]]).values():
                names[a.id] = a.name
        hub, mid, mid2 = names[top[0]], names[top[500]], names[top[510]]
        s = ["--store", str(store)]
        size = sum(f.stat().st_size for f in store.parent.glob(store.name + "*"))
        result = {"size": size, "n_actors": n_actors, "relations": n_rel}
        for label, argv in (("actors", ag + ["actors", *s]),
                            ("show TOP", ag + ["show", hub, *s]),
                            ("show MID", ag + ["show", mid, *s]),
                            ("path MID MID", ag + ["path", mid, mid2, *s]),
                            ("path TOP MID", ag + ["path", hub, mid, *s]),
                            ("allies TOP", ag + ["allies", hub, *s]),
                            ("export json", ag + ["export", "-o", str(work / "x.json"), *s])):
            result[label] = best(argv, args.runs)
            print(f"  {n:>9,}  {label:<14} {result[label][0]:6.2f} s  (cpu {result[label][2]:.2f} s) "
                  f"{result[label][1]:7.0f} MB", flush=True)
        ingest = []
        for target in (empty, store):
            copy = work / ("copy-" + target.name)
            times = []
            for _ in range(args.runs):
                for f in work.glob(copy.name + "*"):
                    f.unlink()
                if target.exists():
                    shutil.copy(target, copy)
                    with open(copy, "rb+") as f:  # the copy on disk before the clock starts
                        os.fsync(f.fileno())
                wall, rss, _, cpu = measure(ag + ["ingest", str(work / "small.txt"), "--store", str(copy)])
                times.append((wall, rss, cpu))
            ingest.append((min(t for t, _, _ in times), max(m for _, m, _ in times), min(c for _, _, c in times)))
        for f in work.glob("copy-*"):
            f.unlink()
        result["ingest empty"], result["ingest into"] = ingest
        print(f"  {n:>9,}  ingest 1 doc   {ingest[1][0]:6.2f} s vs {ingest[0][0]:.2f} s into an empty store "
              f"(+{ingest[1][0] - ingest[0][0]:.2f} s); cpu {ingest[1][2]:.2f} s vs {ingest[0][2]:.2f} s "
              f"(+{ingest[1][2] - ingest[0][2]:.2f} s)", flush=True)
        rows.append((n, result))
    print("\nseconds: best wall time of the whole process (its CPU time)")
    print("\n| statements | actors | relations | file | actors | show TOP | show MID | path MID MID | "
          "path TOP MID | allies TOP | export (peak) | ingest 1 doc (vs empty) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, r in rows:
        q = " | ".join(f"{r[k][0]:.2f} s ({r[k][2]:.2f})" for k in ("actors", "show TOP", "show MID", "path MID MID",
                                                   "path TOP MID", "allies TOP"))
        print(f"| {n:,} | {r['n_actors']:,} | {r['relations']:,} | {r['size'] / 1e6:.0f} MB | {q} | "
              f"{r['export json'][0]:.1f} s ({r['export json'][1]:.0f} MB) | "
              f"{r['ingest into'][0]:.2f} s ({r['ingest empty'][0]:.2f} s, +{r['ingest into'][0] - r['ingest empty'][0]:.2f}) |")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
