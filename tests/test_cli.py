"""The command line end to end on the embedded store: ingest, bad input, idempotence, exports."""
import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

from conftest import run_cli as run

from actorgraph.cli import EXIT_SKIPPED, main

pytestmark = pytest.mark.model
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"




@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("02-yemen-analysis.txt", "07-gaza-wire.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_ingest_summary_and_reingest_changes_nothing(tmp_path, corpus, capsys):
    store = tmp_path / "g.json"
    code, out, err = run(capsys, "ingest", corpus, "--store", store)
    assert code == 0, err
    assert "ingested 2 documents" in out and "words/s" in out and "0 skipped" in out
    first = run(capsys, "export", "--format", "json", "--store", store)[1]
    code, out, _ = run(capsys, "ingest", corpus, "--store", store)
    assert code == 0 and "ingested 0 documents (2 already stored)" in out
    assert run(capsys, "export", "--format", "json", "--store", store)[1] == first


def test_export_json_follows_the_design_format(tmp_path, corpus, capsys):
    store = tmp_path / "g.json"
    run(capsys, "ingest", corpus, "--store", store)
    code, out, _ = run(capsys, "export", "--format", "json", "--store", store, "-o", tmp_path / "x.json")
    data = json.loads((tmp_path / "x.json").read_text())
    from actorgraph.graph import open_store
    from actorgraph.graph.export import to_json_data

    with open_store(str(store)) as st:  # written as it is read, the same bytes as one json.dumps
        assert (tmp_path / "x.json").read_text() == json.dumps(to_json_data(st), ensure_ascii=False,
                                                               indent=2) + "\n"
    assert data["format"] == "actorgraph/1"
    assert set(data) == {"format", "actors", "relations", "documents"}
    assert set(data["actors"][0]) == {"id", "name", "type", "aliases", "mentions"}
    rel = data["relations"][0]
    assert set(rel) == {"source", "target", "type", "polarity", "count", "confidence", "first_seen",
                        "last_seen", "evidence"}
    assert set(rel["evidence"][0]) == {"document", "line", "sentence", "start", "end"}
    texts = {d["id"]: (corpus / Path(d["source"]).name).read_text() for d in data["documents"]}
    for r in data["relations"]:
        for ev in r["evidence"]:  # every sentence can be shown again from its offsets
            assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["sentence"]
    ids = {a["id"] for a in data["actors"]}
    assert {"iran", "houthis", "saudi-arabia", "hezbollah", "israel"} <= ids
    # --min-confidence keeps only the surer edges
    strict = json.loads(run(capsys, "export", "--store", store, "--min-confidence", "0.85")[1])
    assert 0 < len(strict["relations"]) < len(data["relations"])


def test_other_export_formats_parse(tmp_path, corpus, capsys):
    store = tmp_path / "g.json"
    run(capsys, "ingest", corpus, "--store", store)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{fmt}"
        assert run(capsys, "export", "--format", fmt, "--store", store, "-o", path)[0] == 0
        g = reader(path)
        assert g.number_of_nodes() > 5 and g.number_of_edges() > 5
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv", "--store", store)[1])))
    assert rows and rows[0]["evidence"] and rows[0]["type"]


def contents(path) -> tuple[set[str], set[str]]:
    """The document ids and statement ids in the store at ``path``."""
    from actorgraph.graph import open_store

    with open_store(str(path)) as store:
        return store.document_ids(), {s.id for s in store.statements()}


def test_bad_files_are_skipped_with_one_line_each_and_nothing_is_lost(tmp_path, corpus, capsys):
    store = tmp_path / "g.json"
    assert run(capsys, "ingest", corpus / "02-yemen-analysis.txt", "--store", store)[0] == 0
    before = contents(store)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (bad / "latin.txt").write_bytes("Bogot\xe1 and Quito met.".encode("latin-1"))
    (bad / "broken.jsonl").write_text('{"text": "Chad backed Niger."}\n{oops\n')
    (bad / "broken.csv").write_text('id,text\n1,"Chad backed Niger.",extra\n')
    shutil.copy(corpus / "07-gaza-wire.txt", bad / "good.txt")
    code, out, err = run(capsys, "ingest", bad, "--store", store)
    assert code == EXIT_SKIPPED
    lines = [ln for ln in err.splitlines() if ln.startswith("actorgraph: skipped")]
    assert len(lines) == 5
    for name, problem in (("empty.txt", "empty file"), ("image.txt", "binary"), ("latin.txt", "not UTF-8"),
                          ("broken.jsonl:2", "malformed JSON"), ("broken.csv:2", "malformed CSV")):
        assert any(name in ln and problem in ln for ln in lines), (name, lines)
    assert "Traceback" not in err
    after = contents(store)
    assert before[0] < after[0] and before[1] <= after[1]


def test_corrupt_store_is_a_clear_error_and_left_untouched(tmp_path, corpus, capsys):
    store = tmp_path / "g.json"
    store.write_text("{not json")
    code, out, err = run(capsys, "ingest", corpus, "--store", store)
    assert code == 1 and "g.json" in err and "Traceback" not in err
    assert store.read_text() == "{not json"
    for argv in (["ingest", str(corpus), "--store", str(store), "--debug"],
                 ["--debug", "ingest", str(corpus), "--store", str(store)]):
        with pytest.raises(Exception, match="g.json"):  # --debug shows the traceback, either place
            main(argv)


def test_queries_from_the_command_line(tmp_path, corpus, capsys):
    store = tmp_path / "g.json"
    run(capsys, "ingest", corpus, "--store", store)
    code, out, _ = run(capsys, "path", "Tehran", "Hezbollah", "--store", store)
    assert code == 0 and out.startswith("path 1: Iran") and '"' in out  # each hop quotes its evidence
    code, out, _ = run(capsys, "actors", "--store", store, "--limit", "5")
    assert code == 0 and len(out.splitlines()) == 5 and "aka" in out
    code, out, _ = run(capsys, "show", "Hezbollah", "--store", store)
    assert code == 0 and "Hezbollah [GROUP]" in out
    code, _, err = run(capsys, "show", "Atlantis", "--store", store)
    assert code == 1 and "Atlantis" in err
    code, _, err = run(capsys, "cypher", "MATCH (n) RETURN n", "--store", store)
    assert code == 1 and "Bolt" in err
    code, out, _ = run(capsys, "view", "--store", store, "-o", tmp_path / "v.html", "--actor", "Iran")
    assert code == 0 and (tmp_path / "v.html").read_text().count("<script") >= 2


def test_processes_give_the_same_graph(tmp_path, corpus, capsys):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert run(capsys, "ingest", corpus, "--store", one)[0] == 0
    assert run(capsys, "ingest", corpus, "--store", two, "--processes", "2")[0] == 0
    assert run(capsys, "export", "--store", one)[1] == run(capsys, "export", "--store", two)[1]


def test_a_writer_waits_for_another_and_says_so_when_it_gives_up(tmp_path, corpus, capsys):
    import sqlite3

    from actorgraph.graph import open_store

    store = tmp_path / "g.db"
    with open_store(str(store), write=True):  # an open writer does not hold the store
        pass
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a batch
    try:
        code, _, err = run(capsys, "ingest", corpus, "--store", store, "--wait", "0.2")
    finally:
        holder.close()
    assert code == 1 and "another actorgraph process" in err and "--wait" in err
    assert run(capsys, "ingest", corpus, "--store", store)[0] == 0


def test_migrate_a_json_store_from_the_command_line(tmp_path, corpus, capsys):
    from actorgraph.graph import open_store

    db = tmp_path / "g.db"
    run(capsys, "ingest", corpus, "--store", db)
    with open_store(str(db)) as store:
        old = {"format": "actorgraph-store", "schema": 1,
               "documents": [d.to_dict() for d in store.documents()],
               "actors": [a.to_dict() for a in store.actors()],
               "statements": [s.to_dict() for s in store.statements()]}
    (tmp_path / "old.json").write_text(json.dumps(old))
    exported = run(capsys, "export", "--store", db)[1]
    assert run(capsys, "export", "--store", tmp_path / "old.json")[1] == exported  # reads as it is
    code, _, err = run(capsys, "ingest", corpus, "--store", tmp_path / "old.json")
    assert code == 1 and "actorgraph migrate" in err
    code, out, _ = run(capsys, "migrate", tmp_path / "old.json")
    assert code == 0 and "old.db" in out
    assert run(capsys, "export", "--store", tmp_path / "old.db")[1] == exported


def test_a_bolt_server_that_is_down_is_one_line(capsys):
    code, out, err = run(capsys, "actors", "--store", "bolt://127.0.0.1:1")
    assert code == 1 and err.count("\n") == 1 and "bolt://127.0.0.1:1" in err and "Traceback" not in err


def test_own_gazetteer_from_the_command_line(tmp_path, capsys):
    doc = tmp_path / "d.txt"
    doc.write_text("The Blue Brigade attacked the Red Legion near the river.\n")
    mine = tmp_path / "mine.json"
    mine.write_text('{"actors": [{"id": "blue-brigade", "name": "Blue Brigade", "type": "GROUP"},'
                    ' {"id": "red-legion", "name": "Red Legion", "type": "GROUP"}]}')
    store = tmp_path / "g.json"
    assert run(capsys, "ingest", doc, "--store", store, "--gazetteer", mine)[0] == 0
    data = json.loads(run(capsys, "export", "--store", store)[1])
    assert {(r["source"], r["type"], r["target"]) for r in data["relations"]} == {
        ("blue-brigade", "ATTACKS", "red-legion")}
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    code, _, err = run(capsys, "ingest", doc, "--store", store, "--gazetteer", bad)
    assert code == 1 and "bad.json" in err


def test_long_documents_are_parsed_in_parts_with_offsets_into_the_whole(tmp_path):
    from actorgraph.graph import open_store
    from actorgraph.loaders.pipeline import Pipeline, ingest

    text = (EXAMPLES / "06-karabakh-bulletin.txt").read_text()
    pipeline = Pipeline()
    with open_store(str(tmp_path / "whole.json"), write=True) as store:
        ingest([EXAMPLES / "06-karabakh-bulletin.txt"], store, pipeline=pipeline)
    pipeline.part_chars = 400  # several parts, cut at line breaks
    with open_store(str(tmp_path / "parts.json"), write=True) as store:
        report = ingest([EXAMPLES / "06-karabakh-bulletin.txt"], store, pipeline=pipeline)
    assert report.documents == 1
    whole, cut = open_store(str(tmp_path / "whole.json")), open_store(str(tmp_path / "parts.json"))
    for s in cut.statements():
        assert text[s.start:s.end] == s.sentence and text.count("\n", 0, s.start) + 1 == s.line
    edges = lambda st: {(r.source, r.type, r.target) for r in st.relations()}
    assert len(edges(whole) & edges(cut)) >= 0.9 * len(edges(whole))
    assert {a.id for a in whole.actors()} == {a.id for a in cut.actors()}


def test_timeline_orders_a_pairs_statements_by_date(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Port row\nMOMBASA, 3 June 2024 - Kenya criticised Uganda on Monday.\n"
                                    "In May 2019 Kenya and Uganda signed a rail deal.\n"
                                    "Kenya later sanctioned Uganda.\n")
    store = tmp_path / "g.json"
    run(capsys, "ingest", tmp_path / "a.txt", "--store", store)
    code, out, _ = run(capsys, "timeline", "Uganda", "Kenya", "--store", store)
    assert code == 0
    rows = [ln.split()[0] for ln in out.splitlines()[1:] if not ln.startswith("      ")]
    assert rows == ["2019-05", "2024-06-03", "2024-06-03"], out
    assert '"In May 2019 Kenya and Uganda signed a rail deal."' in out


def test_demo_runs_from_any_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no examples/ here: the shipped (or, editable, the source) examples
    code, out, _ = run(capsys, "demo", "--store", tmp_path / "d.json", "-o", tmp_path / "d.html")
    assert code == 0 and "12 new documents" in out, out
    assert (tmp_path / "d.html").stat().st_size > 10_000
