"""The store from the command line: nothing a user names destroys it or is mistaken for it."""
from __future__ import annotations

import pytest

from conftest import run_cli as run

from actorgraph.graph import ActorType, Batch, Document, RelType, Statement, open_store
from actorgraph.graph.model import Actor




@pytest.fixture
def store(tmp_path):
    path = tmp_path / "g.db"
    doc = Document.from_text("Chad backed Niger.", "a.txt")
    with open_store(str(path), write=True) as st:
        st.write(Batch((doc,), (Actor("chad", "Chad", ActorType.STATE, ("Chad",), 1),
                                Actor("niger", "Niger", ActorType.STATE, ("Niger",), 1)),
                       (Statement.make(subject="chad", type=RelType.SUPPORTS, object="niger",
                                       document=doc.id, start=0, end=18, confidence=0.8,
                                       sentence="Chad backed Niger."),)))
    return path


def test_export_or_view_onto_the_store_or_its_files_is_refused(store, capsys):
    for argv in (["export", "-o", store], ["export", "--format", "csv", "-o", store.parent / "g.db-wal"],
                 ["view", "-o", store], ["view", "-o", store.parent / "g.db-shm"],
                 ["export", "-o", store.parent / "." / "g.db-journal"], ["view", "-o", str(store) + ".lock"]):
        code, _, err = run(capsys, *argv, "--store", store)
        assert code == 1 and "that is the store" in err and err.count("\n") == 1, (argv, err)
    with open_store(str(store)) as st:  # still whole
        assert [a.id for a in st.actors()] == ["chad", "niger"]
    assert not (store.parent / "g.db-journal").exists() and not (store.parent / "g.db.lock").exists()
    code, _, _ = run(capsys, "export", "-o", store.parent / "out.json", "--store", store)
    assert code == 0 and (store.parent / "out.json").stat().st_size > 0


def test_read_commands_on_a_missing_store_say_so(tmp_path, capsys):
    missing = tmp_path / "nothing-here.db"
    for argv in (["actors"], ["blocs"], ["export"], ["show", "Russia"], ["path", "Iran", "Syria"],
                 ["evaluate", "--gold", tmp_path]):
        code, out, err = run(capsys, *argv, "--store", missing)
        assert code == 1 and not out, argv
        assert "nothing-here.db" in err and "no store here" in err and err.count("\n") == 1, (argv, err)
    assert not missing.exists()


def test_a_store_scheme_actorgraph_cannot_serve_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for uri in ("http://example.org/graph", "s3://bucket/g.db"):
        code, out, err = run(capsys, "actors", "--store", uri)
        assert code == 1 and uri in err and "bolt://" in err and err.count("\n") == 1
        code, _, err = run(capsys, "ingest", tmp_path, "--store", uri)
        assert code == 1 and uri in err
    assert list(tmp_path.iterdir()) == []  # no file named after the URI


def test_neo4j_uri_names_the_store_when_no_store_is_given(tmp_path, capsys, monkeypatch):
    from bolt_server import free_port

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACTORGRAPH_STORE", raising=False)
    uri = f"bolt://127.0.0.1:{free_port()}"
    monkeypatch.setenv("NEO4J_URI", uri)
    code, _, err = run(capsys, "actors")
    assert code == 1 and uri in err and "no Bolt server answers" in err
    monkeypatch.setenv("ACTORGRAPH_STORE", str(tmp_path / "mine.db"))  # the tool's own variable first
    code, _, err = run(capsys, "actors")
    assert code == 1 and "mine.db" in err and "no store here" in err


@pytest.mark.bolt
def test_neo4j_uri_serves_commands_without_store(bolt_env, tmp_path, capsys, monkeypatch, bolt_store):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACTORGRAPH_STORE", raising=False)
    monkeypatch.setenv("NEO4J_URI", bolt_env)
    doc = Document.from_text("Mali met Chad.", "m.txt")
    bolt_store.write(Batch((doc,), (Actor("mali", "Mali", ActorType.STATE, ("Mali",), 7),), ()))
    code, out, err = run(capsys, "actors")
    assert code == 0 and "Mali" in out, err
    assert list(tmp_path.iterdir()) == []


def test_show_lists_the_most_frequent_relations_and_says_how_many_more(tmp_path, capsys):
    path = tmp_path / "hub.db"
    doc = Document.from_text("many", "m.txt")
    others = [Actor(f"x{i:02d}", f"Land {i}", ActorType.STATE, (), 1) for i in range(12)]
    hub = Actor("hub", "Hubland", ActorType.STATE, (), 12)
    statements = [Statement.make(subject=("hub" if i % 2 else a.id), type=RelType.SUPPORTS,
                                 object=(a.id if i % 2 else "hub"), document=doc.id, start=100 * i + k,
                                 end=100 * i + k + 5, confidence=0.5, sentence=f"s{i}.{k}")
                  for i, a in enumerate(others) for k in range(i + 1)]  # x11 most often
    with open_store(str(path), write=True) as st:
        st.write(Batch((doc,), (hub, *others), tuple(statements)))
    code, out, _ = run(capsys, "show", "Hubland", "--relations", "3", "--store", path)
    shown = [ln for ln in out.splitlines() if "-[SUPPORTS" in ln]
    assert code == 0 and len(shown) == 3 and "... and 9 less frequent relations" in out
    assert {ln.split("x")[1].split(",")[0] for ln in shown} == {"12", "11", "10"}  # counts
    code, out, _ = run(capsys, "show", "Hubland", "--relations", "0", "--store", path)
    assert len([ln for ln in out.splitlines() if "-[SUPPORTS" in ln]) == 12 and "less frequent" not in out
