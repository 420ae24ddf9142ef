"""How long headless Chromium takes until a 2,000-actor view has stabilised.

    python bench/view_stabilise.py [--actors 2000] [--relations 6000] [--runs 3]

Builds a seeded synthetic graph (hub-heavy, like news: a few actors take most
mentions and edges), renders it with graph.html.render, opens the page from
file:// in headless Chromium with every other request blocked, and times
navigation -> ``window.actorgraphReady`` (set when physics has stabilised and
been switched off). Target: under 10 s on a 2-core machine.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from actorgraph.graph.html import render  # noqa: E402
from actorgraph.graph.model import Actor, Batch, Document, Statement  # noqa: E402
from actorgraph.graph.nx_store import NetworkXStore  # noqa: E402
from actorgraph.graph.ontology import ActorType, RelType  # noqa: E402

CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def synthetic_batch(n_actors: int, n_relations: int, seed: int = 7) -> Batch:
    rng = random.Random(seed)
    docs = tuple(Document.from_text(f"synthetic {i}", source=f"synthetic/{i:03d}.txt") for i in range(50))
    types = list(ActorType)
    actors = tuple(Actor(f"a{i:04d}", f"Actor {i}", rng.choice(types), aliases=(f"A{i}",),
                         mentions=max(1, int(2000 / (i + 1) ** 0.8)))
                   for i in range(n_actors))
    weights = [a.mentions for a in actors]
    rels, seen = list(RelType), set()
    statements = []
    while len(seen) < n_relations:
        a, b = rng.choices(range(n_actors), weights=weights, k=2)
        t = rng.choice(rels)
        if a == b or (a, t, b) in seen:
            continue
        seen.add((a, t, b))
        for k in range(rng.choice((1, 1, 1, 2, 3))):
            doc = rng.choice(docs)
            start = rng.randrange(100_000)
            statements.append(Statement.make(
                subject=actors[a].id, type=t, object=actors[b].id, document=doc.id, start=start,
                end=start + 60, confidence=round(rng.uniform(0.3, 0.95), 2), line=start // 80,
                sentence=f"Actor {a} and Actor {b}: a synthetic sentence for {t.value} number {k}."))
    return Batch(documents=docs, actors=actors, statements=tuple(statements))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=2000)
    ap.add_argument("--relations", type=int, default=6000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        with NetworkXStore(Path(tmp) / "bench.json", write=True) as store:
            store.write(synthetic_batch(args.actors, args.relations))
            t0 = time.perf_counter()
            view = render(store, Path(tmp) / "bench.html", max_nodes=args.actors)
            t_render = time.perf_counter() - t0
        url = (Path(tmp) / "bench.html").as_uri()
        print(f"graph: {view.nodes_shown} actors, {view.edges_shown} relations; "
              f"page {len(view.html) / 1e6:.1f} MB, rendered in {t_render:.2f} s")

        times = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for run in range(args.runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.route("**/*", lambda route: route.continue_()
                           if route.request.url.startswith(("file:", "data:", "about:")) else route.abort())
                t0 = time.perf_counter()
                page.goto(url, wait_until="commit")
                page.wait_for_function("() => window.actorgraphReady === true", timeout=120_000, polling=50)
                times.append(time.perf_counter() - t0)
                print(f"run {run + 1}: stabilised in {times[-1]:.2f} s")
                page.close()
            browser.close()
    print(f"median navigation -> stabilised: {statistics.median(times):.2f} s "
          f"({args.actors} actors, {args.relations} relations, {os.cpu_count()} CPUs; target < 10 s)")


if __name__ == "__main__":
    main()
