"""The thin command line: parse, call the library, print. No logic lives here."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from actorgraph.graph import ActorgraphError, RelType, open_store, store_location

EXIT_ERROR = 1
EXIT_SKIPPED = 3


def plural(n: int, word: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def one_line(message: object) -> str:
    """Errors are one line for the user, whatever the library below put in them."""
    return " ".join(str(message).split())


def _progress(done: int, total: int) -> None:
    if not sys.stderr.isatty() or not total:
        return
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{plural(total, 'document')}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _types(value: str | None) -> list[RelType] | None:
    if not value:
        return None
    try:
        return [RelType.parse(v) for v in value.split(",") if v.strip()]
    except ValueError as e:
        raise ActorgraphError(str(e)) from None


# -- commands ----------------------------------------------------------------
def cmd_ingest(args) -> int:
    from actorgraph.loaders.lasting import lasting

    with lasting():  # start-up (spaCy's imports, the model, the lexicons) makes what the process keeps
        from actorgraph.loaders.lexicon import Gazetteer, lexicon
        from actorgraph.loaders.pipeline import Pipeline, ingest

        gazetteer, lex = Gazetteer.load(*args.gazetteer), lexicon(*args.lexicon)
        here = args.processes <= 1 and not (args.scheduler or args.workers)
        pipeline = Pipeline(gazetteer=gazetteer, lexicon=lex) if here else None  # else one per worker
    with open_store(args.store, write=True, wait=args.wait) as store:
        if args.scheduler or args.workers:
            from actorgraph.loaders.cluster import ingest_on_cluster

            report = ingest_on_cluster(args.paths, store, store_location=store_location(args.store),
                                       scheduler=args.scheduler, workers=args.workers or 2, gazetteer=gazetteer,
                                       lexicon=lex, progress=_progress, notice=lambda m: print(m, file=sys.stderr))
        else:
            report = ingest(args.paths, store, pipeline=pipeline, gazetteer=gazetteer, lexicon=lex,
                            processes=args.processes,
                            progress=_progress)
    for line in report.errors:
        print(f"actorgraph: skipped {one_line(line)}", file=sys.stderr)
    print(f"ingested {plural(report.documents, 'document')} ({report.already_stored} already stored) from "
          f"{plural(report.files, 'file')}: {plural(report.sentences, 'sentence')}, "
          f"{plural(report.actors, 'actor')}, {plural(report.statements, 'statement')}, "
          f"{len(report.errors)} skipped; "
          f"{report.seconds:.1f} s, {report.words_per_second:,.0f} words/s -> {store_location(args.store)}")
    if report.merges:
        print(f"linked across documents: {plural(report.merges, 'change')} (actorgraph merges lists them)")
    return EXIT_SKIPPED if report.errors else 0


def cmd_unmapped(args) -> int:
    import json

    from actorgraph.loaders.lexicon import Gazetteer, lexicon
    from actorgraph.loaders.pipeline import Pipeline
    from actorgraph.loaders.unmapped import unmapped

    pipeline = Pipeline(gazetteer=Gazetteer.load(*args.gazetteer), lexicon=lexicon(*args.lexicon))
    errors: list[str] = []
    rows = unmapped(args.paths, pipeline=pipeline, progress=_progress, errors=errors)[:args.limit]
    for line in errors:
        print(f"actorgraph: skipped {one_line(line)}", file=sys.stderr)
    if args.json:
        print(json.dumps([u.as_dict() for u in rows], indent=1, ensure_ascii=False))
        return EXIT_SKIPPED if errors else 0
    for u in rows:
        pairs = ", ".join(f"{s}->{o}" + (f" x{n}" if n > 1 else "") for (s, o), n in u.pairs.most_common(3))
        print(f"{u.count:5d}  {u.trigger:<24} {pairs}")
        print(f"       {u.document}:{u.line}: {u.sentence[:160]}")
    return EXIT_SKIPPED if errors else 0


def refuse_store_as_output(output, location) -> None:
    from actorgraph.graph.store import is_store_file

    if output not in (None, "-") and is_store_file(output, location):
        raise ActorgraphError(f"{output}: that is the store (or one of its files); "
                              f"name another output file")


def cmd_export(args) -> int:
    from actorgraph.graph.export import write_export

    refuse_store_as_output(args.output, args.store)
    with open_store(args.store) as store:
        if args.output in (None, "-"):
            write_export(store, args.format, sys.stdout, min_confidence=args.min_confidence)
            return 0
        out = Path(args.output)
        if out.is_dir():
            raise ActorgraphError(f"{out}: Is a directory; name a file to write")
        part = out.with_name(f".{out.name}.part")
        try:
            with open(part, "w", encoding="utf-8") as f:
                write_export(store, args.format, f, min_confidence=args.min_confidence)
            part.replace(out)
        finally:
            part.unlink(missing_ok=True)
    print(f"wrote {args.output}")
    return 0


def cmd_view(args) -> int:
    from actorgraph.graph.html import render
    from actorgraph.queries import find_actor

    refuse_store_as_output(args.output, args.store)
    with open_store(args.store) as store:
        actor = find_actor(store, args.actor).id if args.actor else None
        view = render(store, args.output, actor=actor, depth=args.depth, min_count=args.min_count,
                      min_confidence=args.min_confidence, types=_types(args.types), max_nodes=args.max_nodes)
    print(f"wrote {args.output} ({plural(view.nodes_shown, 'actor')}, "
          f"{plural(view.edges_shown, 'relation')} shown)")
    return 0


def cmd_path(args) -> int:
    from actorgraph.queries import alliance_paths, balance, find_actor, pair_ties

    with open_store(args.store) as store:
        a, b = find_actor(store, args.a), find_actor(store, args.b)
        ties = pair_ties(store, min_confidence=args.min_confidence)  # read once, for both questions
        if balance(store, a.id, b.id, ties=ties) < 0:
            print(f"note: {a.name} and {b.name} are directly hostile (their ties are on balance negative)")
        paths = alliance_paths(store, a.id, b.id, k=args.k, max_hops=args.max_hops,
                               min_confidence=args.min_confidence, ties=ties)
        print_paths(store, paths)
        if paths.stopped:
            print(f"note: {paths.stopped}")
    return 0


def print_paths(store, paths) -> None:
    names = {a.id: a.name for a in store.actors_by_id({x for p in paths for x in p.actors}).values()}
    docs = {d.id: d.source for d in store.documents()}
    for n, path in enumerate(paths, 1):
        chain = [names.get(path.hops[0].source, path.hops[0].source)] if path.hops else []
        for hop in path.hops:
            chain.append(names.get(hop.target, hop.target))
        print(f"path {n}: {' -> '.join(chain)}")
        for hop in path.hops:
            s, t = names.get(hop.source, hop.source), names.get(hop.target, hop.target)
            rel = f"{s} -[{hop.type.value}]-> {t}" if hop.forward else f"{s} <-[{hop.type.value}]- {t}"
            print(f"  {rel}")
            ev = hop.evidence
            if ev is not None:
                when = f"{ev.date}, " if ev.date else ""
                print(f"      \"{ev.sentence.strip()}\" ({when}{docs.get(ev.document, ev.document)}, line {ev.line})")


def _neighbours(args, fn_name: str) -> int:
    from actorgraph import queries

    with open_store(args.store) as store:
        actor = queries.find_actor(store, args.actor)
        rows = getattr(queries, fn_name)(store, actor.id, min_confidence=args.min_confidence)
        names = {a.id: a.name for a in store.actors_by_id({r.actor for r in rows}).values()}
        print(f"{fn_name} of {actor.name}: {len(rows)}")
        width = max((len(names.get(row.actor, row.actor)) for row in rows), default=0)
        for row in rows:
            types = ", ".join(f"{r.type.value}{'' if r.source == actor.id else ' (from)'} x{r.count}"
                              for r in row.relations)
            print(f"  {names.get(row.actor, row.actor):<{width}}  {types}")
    return 0


def cmd_allies(args) -> int:
    return _neighbours(args, "allies")


def cmd_enemies(args) -> int:
    return _neighbours(args, "enemies")


def cmd_show(args) -> int:
    from actorgraph import queries

    with open_store(args.store) as store:
        actor = queries.find_actor(store, args.actor)
        prof = queries.profile(store, actor.id, max_evidence=args.evidence,
                               max_relations=args.relations or None)
        names = {a.id: a.name for a in store.actors_by_id(
            {x for rel, _ in prof.relations for x in (rel.source, rel.target)}).values()}
        docs = {d.id: d.source for d in store.documents()}
        print(f"{actor.name} [{actor.type.value}] id={actor.id} mentions={actor.mentions}")
        if actor.aliases:
            print(f"  aliases: {', '.join(actor.aliases)}")
        for rel, evidence in prof.relations:
            s, t = names.get(rel.source, rel.source), names.get(rel.target, rel.target)
            print(f"  {s} -[{rel.type.value} x{rel.count}, {rel.confidence:.2f}]-> {t}")
            for ev in evidence[:args.evidence]:
                flags = "".join(f" ({f})" for f in ("hedged", "reported") if getattr(ev, f))
                when = f"{ev.date}, " if ev.date else ""
                print(f"      \"{ev.sentence.strip()}\"{flags} ({when}{docs.get(ev.document, ev.document)}, line {ev.line})")
        if prof.omitted:
            print(f"  ... and {prof.omitted:,} less frequent relations (--relations 0 shows all)")
    return 0


def cmd_timeline(args) -> int:
    from actorgraph import queries

    with open_store(args.store) as store:
        a, b = queries.find_actor(store, args.a), queries.find_actor(store, args.b)
        lines = queries.timeline(store, a.id, b.id)
        names = {x.id: x.name for x in store.actors()}
        docs = {d.id: d.source for d in store.documents()}
    print(f"timeline of {a.name} and {b.name}: {plural(len(lines), 'statement')}")
    for st in lines:
        s, o = names.get(st.subject, st.subject), names.get(st.object, st.object)
        flags = "".join(f" ({f})" for f in ("hedged", "reported") if getattr(st, f))
        print(f"  {st.date or 'undated':<10}  {s} -[{st.type.value}]-> {o}{flags}")
        print(f"      \"{st.sentence.strip()}\" ({docs.get(st.document, st.document)}, line {st.line})")
    return 0


def cmd_actors(args) -> int:
    from actorgraph.queries import top_actors

    with open_store(args.store) as store:
        actors = top_actors(store, limit=args.limit, type=args.type)
    for a in actors:
        aliases = f"  aka {', '.join(a.aliases)}" if a.aliases and not args.no_aliases else ""
        print(f"{a.mentions:6d}  {a.name} [{a.type.value}] ({a.id}){aliases}")
    return 0


def cmd_merges(args) -> int:
    from actorgraph.loaders.lexicon import Gazetteer
    from actorgraph.loaders.link import relink

    if args.relink:
        with open_store(args.store, write=True) as store:
            done = relink(store, Gazetteer.load(*args.gazetteer))
        print(f"relinked with the gazetteer: {plural(len(done), 'change')}")
    with open_store(args.store) as store:
        merges, held = store.merges(), store.constraints()
        docs = {d.id: d.source for d in store.documents()}
    if args.json:
        print(json.dumps({"merges": [m._asdict() for m in merges],
                          "corrections": [{"kind": k, "a": a, "b": b} for k, a, b in held]},
                         indent=1, ensure_ascii=False))
        return 0
    print(f"{plural(len(merges), 'merge')} (newest last)")
    for m in merges:
        where = docs.get(m.document, m.document) if m.document else "by hand"
        print(f"  {m.at}  {m.rule:<16}  {m.form} -> {m.actor}  ({m.names}; {where})")
    for kind, a, b in held:
        print(f"  kept by hand: {kind} {a} {b}")
    return 0


def cmd_merge(args) -> int:
    from actorgraph.loaders.lexicon import Gazetteer
    from actorgraph.loaders.link import merge_by_hand
    from actorgraph.queries import find_actor

    with open_store(args.store, write=True) as store:
        a, b = find_actor(store, args.a), find_actor(store, args.b)
        done = merge_by_hand(store, a, b, Gazetteer.load(*args.gazetteer))
        survivor = find_actor(store, b.id if store.actor(b.id) else a.id)
    print(f"merged {a.name} ({a.id}) and {b.name} ({b.id}) into {survivor.name} ({survivor.id}); "
          f"kept on every later ingest")
    return 0


def cmd_split(args) -> int:
    from actorgraph.loaders.lexicon import Gazetteer
    from actorgraph.loaders.link import split_by_hand
    from actorgraph.queries import find_actor

    with open_store(args.store, write=True) as store:
        actor = find_actor(store, args.actor)
        done, note = split_by_hand(store, actor, args.form, Gazetteer.load(*args.gazetteer))
    apart = sorted({m.form for m in done})
    print(f"split {args.form!r} from {actor.name} ({actor.id}): {', '.join(apart) or 'nothing moved'} "
          f"kept apart on every later ingest")
    if note:
        print(f"note: {note}")
    return 0


def cmd_blocs(args) -> int:
    from actorgraph.queries import blocs

    with open_store(args.store) as store:
        names = {a.id: a.name for a in store.actors()}
        found = blocs(store)
    for n, bloc in enumerate(found, 1):
        print(f"bloc {n} ({plural(len(bloc), 'actor')}): {', '.join(names.get(a, a) for a in bloc)}")
    return 0


def cmd_cypher(args) -> int:
    from actorgraph.queries import run_cypher

    params = {}
    for p in args.param or []:
        key, sep, value = p.partition("=")
        if not sep:
            raise ActorgraphError(f"--param {p!r}: expected key=value")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    with open_store(args.store) as store:
        columns, rows = run_cypher(store, args.query, params, write=args.write)
    if args.format == "json":
        print(json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, default=str, indent=2))
    elif args.format == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    else:
        cells = [[str(c) for c in columns]] + [["" if v is None else str(v) for v in r] for r in rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
        for n, row in enumerate(cells):
            print(" | ".join(v.ljust(w) for v, w in zip(row, widths)))
            if n == 0:
                print("-+-".join("-" * w for w in widths))
        print(f"({plural(len(rows), 'row')})")
    return 0


def cmd_evaluate(args) -> int:
    from actorgraph.queries.evaluate import Gold, evaluate, format_report

    with open_store(args.store) as store:
        report = evaluate(store, Gold.load(args.gold), min_confidence=args.min_confidence)
    print(format_report(report, details=not args.summary))
    return 0


def cmd_migrate(args) -> int:
    from actorgraph.graph.nx_store import migrate

    new = migrate(args.old, args.new)
    print(f"wrote {new} from {args.old} (left as it was); use --store {new}")
    return 0


def examples_dir() -> Path:
    local = Path("examples")
    if local.is_dir() and any(local.glob("*.txt")):
        return local
    import importlib

    try:  # installed: the package data (a namespace package: no __init__.py among the texts)
        for folder in importlib.import_module("actorgraph.examples").__path__:
            if any(Path(folder).glob("*.txt")):
                return Path(folder)
    except ImportError:
        pass
    return Path(__file__).resolve().parent.parent / "examples"  # an editable install: the source tree


def cmd_demo(args) -> int:
    from actorgraph.graph.html import render
    from actorgraph.loaders.pipeline import ingest
    from actorgraph.queries import NoPath, alliance_paths, top_actors

    from actorgraph.loaders.readers import find_files, read_file

    src = examples_dir()
    print(f"actorgraph demo: ingesting {src}/ into {store_location(args.store)}")
    with open_store(args.store, write=True) as store:
        examples = {s.document.id for f in find_files([src])[0] for s in read_file(f, errors=[])}
        others = len(store.document_ids() - examples)
        if others and not args.append:
            raise ActorgraphError(f"{store_location(args.store)} already holds {plural(others, 'document')} "
                                  "of its own: give the demo a new --store, or --append to add the examples to it")
        report = ingest([src], store, progress=_progress)
    print(f"  {plural(report.documents, 'new document')}, {plural(report.actors, 'actor')}, "
          f"{plural(report.statements, 'statement')} in {report.seconds:.1f} s")
    with open_store(args.store) as store:
        view = render(store, args.output)
        print(f"  wrote {args.output} ({plural(view.nodes_shown, 'actor')}, "
              f"{plural(view.edges_shown, 'relation')} shown) - open it in a browser")
        print("\ntop actors:")
        for a in top_actors(store, limit=10):
            print(f"  {a.mentions:4d}  {a.name} [{a.type.value}]")
        print("\nalliance path Iran -> Houthis:")
        try:
            print_paths(store, alliance_paths(store, "iran", "houthis", k=1))
        except NoPath as e:
            print(f"  {e}")
    print("\nnext: actorgraph show Russia | actorgraph path Iran Hezbollah | actorgraph export --format json -o graph.json")
    return 0


# -- parser ------------------------------------------------------------------
def count(minimum: int):
    """An argparse type: a whole number of at least ``minimum``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value
    parse.__name__ = "count"
    return parse


def fraction(text: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, not {text}")
    return value


def _any_case(choices):
    """An argparse type: the choice that ``text`` names, whatever its case."""
    by_key = {str(c).lower(): c for c in choices}
    return lambda text: by_key.get(text.strip().lower(), text)


def _conventions(parser: argparse.ArgumentParser) -> None:
    """Every subcommand's --help opens with its description; every choice takes any case."""
    for action in parser._actions:
        if action.choices is not None and not isinstance(action, argparse._SubParsersAction) \
                and action.type is None:
            action.type = _any_case(action.choices)
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                if not sub.description:
                    sub.description = helps.get(name)
                _conventions(sub)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("actorgraph")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", help="file path (NetworkX) or bolt://, neo4j://, neo4j+s:// URI "
                                        "(default: $ACTORGRAPH_STORE, else $NEO4J_URI, else ./actorgraph.db)")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    conf = argparse.ArgumentParser(add_help=False)
    conf.add_argument("--min-confidence", type=fraction, default=0.0, metavar="C",
                      help="leave out edges whose confidence is below C (0 to 1)")

    p = argparse.ArgumentParser(prog="actorgraph", description="A knowledge graph of political actors "
                                "and their relations, with the sentence behind every edge.")
    p.add_argument("--version", action="version", version=f"actorgraph {_version()}")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("ingest", parents=[common], help="read documents into the store")
    s.add_argument("paths", nargs="+", metavar="PATH", help=".txt .md .html .jsonl .csv files or folders")
    s.add_argument("--processes", type=count(1), default=1, metavar="N",
                   help="worker processes, each running the whole analysis (default 1)")
    s.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the analysis on the Dask cluster at ADDRESS (tcp://host:8786); needs actorgraph[dask]")
    s.add_argument("--workers", type=count(1), metavar="N",
                   help="run the analysis on a local Dask cluster of N worker processes; needs actorgraph[dask]")
    s.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                   help="your own actors, aliases, merges and splits (JSON; also $ACTORGRAPH_GAZETTEER)")
    s.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="your own triggers and words, in the format of the shipped lexicon files "
                        "(JSON; also $ACTORGRAPH_LEXICON)")
    s.add_argument("--wait", type=float, default=300.0, metavar="SECONDS",
                   help="how long to wait for another process writing the same store (default 300)")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("unmapped", help="verbs that link two actors but map to no relation type "
                                        "(re-parses the documents)")
    s.add_argument("paths", nargs="+", metavar="PATH", help=".txt .md .html .jsonl .csv files or folders")
    s.add_argument("--limit", type=count(1), default=30, metavar="N", help="show the N most frequent (default 30)")
    s.add_argument("--json", action="store_true", help="write JSON")
    s.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="as for ingest")
    s.add_argument("--lexicon", action="append", default=[], metavar="FILE", help="as for ingest")
    s.add_argument("--debug", action="store_true", help="show tracebacks")
    s.set_defaults(func=cmd_unmapped)

    s = sub.add_parser("export", parents=[common, conf], help="export the graph")
    s.add_argument("--format", choices=("json", "graphml", "gexf", "csv"), default="json",
                   help="output format (default json)")
    s.add_argument("-o", "--output", help="output file (default: standard output)")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("view", parents=[common, conf], help="write an interactive HTML page")
    s.add_argument("-o", "--output", default="graph.html", help="output file (default graph.html)")
    s.add_argument("--actor", help="draw this actor's neighbourhood")
    s.add_argument("--depth", type=count(0), default=1, metavar="N",
                   help="with --actor: hops out from it (default 1)")
    s.add_argument("--min-count", type=count(1), default=1, metavar="N",
                   help="leave out relations asserted fewer than N times (default 1)")
    s.add_argument("--types", help="comma-separated relation types to draw (any case)")
    s.add_argument("--max-nodes", type=count(1), default=500, metavar="N",
                   help="draw at most N actors, the most mentioned (default 500)")
    s.set_defaults(func=cmd_view)

    s = sub.add_parser("path", parents=[common, conf], help="alliance paths from A to B, with evidence")
    s.add_argument("a", help="an actor's name, alias or id")
    s.add_argument("b", help="an actor's name, alias or id")
    s.add_argument("-k", type=count(1), default=3, help="number of paths (default 3)")
    s.add_argument("--max-hops", type=count(1), default=4, metavar="N", help="longest path (default 4 hops)")
    s.set_defaults(func=cmd_path)

    for name, func, text in (("allies", cmd_allies, "actors joined to X by positive edges"),
                             ("enemies", cmd_enemies, "actors joined to X by negative edges")):
        s = sub.add_parser(name, parents=[common, conf], help=text)
        s.add_argument("actor", help="an actor's name, alias or id")
        s.set_defaults(func=func)

    s = sub.add_parser("show", parents=[common], help="an actor, its aliases and relations with evidence")
    s.add_argument("actor", help="an actor's name, alias or id")
    s.add_argument("--evidence", type=count(0), default=2, metavar="N",
                   help="sentences per relation (default 2)")
    s.add_argument("--relations", type=count(0), default=100, metavar="N",
                   help="the N most frequent relations (default 100; 0 for all)")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("timeline", parents=[common], help="the statements between A and B, by date")
    s.add_argument("a", help="an actor's name, alias or id")
    s.add_argument("b", help="an actor's name, alias or id")
    s.set_defaults(func=cmd_timeline)

    s = sub.add_parser("actors", parents=[common], help="top actors by mentions, with their aliases")
    s.add_argument("--limit", type=count(1), default=50, metavar="N", help="how many (default 50)")
    s.add_argument("--type", choices=("STATE", "PERSON", "ORGANIZATION", "GROUP"),
                   help="only actors of this type (any case)")
    s.add_argument("--no-aliases", action="store_true", help="leave out the aliases")
    s.set_defaults(func=cmd_actors)

    s = sub.add_parser("merges", parents=[common], help="the audit trail: each cross-document merge and why")
    s.add_argument("--relink", action="store_true",
                   help="first regroup the stored actors (after a change to your gazetteer)")
    s.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="as for ingest")
    s.add_argument("--json", action="store_true", help="write JSON")
    s.set_defaults(func=cmd_merges)

    s = sub.add_parser("merge", parents=[common], help="make A and B one actor (kept on every later ingest)")
    s.add_argument("a", help="an actor's name, alias or id")
    s.add_argument("b", help="an actor's name, alias or id")
    s.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="as for ingest")
    s.set_defaults(func=cmd_merge)

    s = sub.add_parser("split", parents=[common], help="keep FORM apart from actor A (kept on every later ingest)")
    s.add_argument("actor", help="an actor's name, alias or id")
    s.add_argument("form", help="the name the other documents gave it")
    s.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="as for ingest")
    s.set_defaults(func=cmd_split)

    s = sub.add_parser("blocs", parents=[common], help="alliance blocs (positive ties within, negative across)")
    s.set_defaults(func=cmd_blocs)

    s = sub.add_parser("cypher", parents=[common], help="run Cypher on a Bolt store (read-only by default)")
    s.add_argument("query", help="the Cypher query")
    s.add_argument("--param", action="append", metavar="K=V", help="query parameter (JSON or text)")
    s.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="output format (default table)")
    s.add_argument("--write", action="store_true", help="allow write clauses")
    s.set_defaults(func=cmd_cypher)

    s = sub.add_parser("evaluate", parents=[common, conf], help="precision/recall against a gold set")
    s.add_argument("--gold", required=True, metavar="DIR", help="folder with actors.json and relations.jsonl")
    s.add_argument("--summary", action="store_true", help="scores only, no list of misses")
    s.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("migrate", help="convert a JSON store of an earlier actorgraph to an SQLite store")
    s.add_argument("old", metavar="OLD.json", help="the JSON store to convert (left as it is)")
    s.add_argument("new", nargs="?", metavar="NEW.db", help="default: OLD with the suffix .db")
    s.set_defaults(func=cmd_migrate)

    s = sub.add_parser("demo", parents=[common], help="the main job on the bundled example documents")
    s.add_argument("-o", "--output", default="graph.html", help="the HTML view (default graph.html)")
    s.add_argument("--append", action="store_true",
                   help="add the examples to a store that already holds other documents")
    s.set_defaults(func=cmd_demo)
    _conventions(p)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    debug = args.debug or bool(os.environ.get("ACTORGRAPH_DEBUG"))
    try:
        return args.func(args)
    except ActorgraphError as e:
        if debug:
            raise
        print(f"actorgraph: error: {one_line(e)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("actorgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:  # an output path that is a folder, a folder one cannot write, a full disk
        if debug:
            raise
        where = f"{e.filename}: " if e.filename else ""
        print(f"actorgraph: error: {where}{e.strerror or one_line(e)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # noqa: BLE001 - one line for the user, the traceback with --debug
        if debug:
            raise
        print(f"actorgraph: internal error: {type(e).__name__}: {one_line(e)} (run with --debug for the traceback)",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
