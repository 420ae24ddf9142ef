"""The command line behaves as Python data tools do: --version, python -m, help everywhere,
choices in any case, numbers checked, OS errors as one line, and a demo that keeps a store."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from conftest import run_cli as run

from actorgraph.cli import build_parser
from actorgraph.graph.model import Actor, Batch, Document
from actorgraph.graph.nx_store import NetworkXStore
from actorgraph.graph.ontology import ActorType



def small_store(path):
    doc = Document.from_text("Peru met Chile.", source="mine.txt")
    with NetworkXStore(path, write=True) as st:
        st.write(Batch((doc,), (Actor("peru", "Peru", ActorType.STATE, (), 1),), ()))


def test_version_and_python_dash_m():
    from importlib.metadata import version

    done = subprocess.run([sys.executable, "-m", "actorgraph", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"actorgraph {version('actorgraph')}"


def test_every_subcommand_has_a_description_and_every_option_a_help_text():
    parser = build_parser()
    subs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subs.choices.items():
        assert sub.description, name
        for action in sub._actions:
            assert action.help, (name, action.option_strings or action.dest)


@pytest.mark.parametrize("argv", [["actors", "--type", "person"], ["actors", "--type", "Group"],
                                  ["export", "--format", "JSON"]])
def test_choices_take_any_case(tmp_path, capsys, argv):
    small_store(tmp_path / "g.json")
    code, out, err = run(capsys, *argv, "--store", tmp_path / "g.json")
    assert code == 0, err


@pytest.mark.parametrize("argv,problem", [
    (["actors", "--limit", "-1"], "--limit: must be 1 or more"),
    (["export", "--min-confidence", "2"], "--min-confidence: must be from 0 to 1"),
    (["export", "--min-confidence", "x"], "--min-confidence: expected a number"),
    (["view", "--depth", "-2"], "--depth: must be 0 or more"),
    (["path", "a", "b", "-k", "0"], "-k: must be 1 or more"),
    (["ingest", "x.txt", "--processes", "0"], "--processes: must be 1 or more"),
])
def test_numbers_are_checked(capsys, argv, problem):
    code, _, err = run(capsys, *argv)
    assert code == 2 and problem in err


def test_os_errors_are_one_plain_line(tmp_path, capsys):
    store = tmp_path / "g.json"
    small_store(store)
    code, _, err = run(capsys, "export", "--store", store, "-o", tmp_path)  # a folder
    assert code == 1 and err.count("\n") == 1 and "internal error" not in err
    assert str(tmp_path) in err and "Is a directory" in err
    (tmp_path / "file.txt").write_text("x")
    code, _, err = run(capsys, "view", "--store", store, "-o", tmp_path / "file.txt" / "v.html")
    assert code == 1 and err.count("\n") == 1 and "internal error" not in err and "file.txt" in err


def test_demo_refuses_a_store_holding_other_documents_unless_told(tmp_path, capsys):
    store = tmp_path / "mine.json"
    small_store(store)
    before = store.read_bytes()
    code, out, err = run(capsys, "demo", "--store", store, "-o", tmp_path / "d.html")
    assert code == 1 and "already holds 1 document " in err and "--append" in err
    assert store.read_bytes() == before and not (tmp_path / "d.html").exists()


def test_plurals_and_aligned_columns(tmp_path, capsys):
    from actorgraph.graph.model import Statement
    from actorgraph.graph.ontology import RelType

    doc = Document.from_text("x", source="mine.txt")
    actors = tuple(Actor(i, n, ActorType.STATE, (), 1) for i, n in (
        ("peru", "Peru"), ("chile", "Chile"), ("long", "The Very Long Named Federal Republic of Somewhere")))
    st = [Statement.make(subject="peru", type=RelType.ATTACKS, object=o, document=doc.id, start=n, end=n + 1,
                         sentence="x", confidence=0.5) for n, o in enumerate(("chile", "long"))]
    with NetworkXStore(tmp_path / "g.json", write=True) as s:
        s.write(Batch((doc,), actors, tuple(st)))
    code, out, _ = run(capsys, "enemies", "Peru", "--store", tmp_path / "g.json")
    rows = out.splitlines()[1:]
    assert code == 0 and len(rows) == 2
    assert len({row.index("ATTACKS") for row in rows}) == 1, out  # one column, however long a name
    code, out, _ = run(capsys, "blocs", "--store", tmp_path / "g.json")
    assert "(1 actors)" not in out
    from actorgraph.cli import plural
    assert (plural(1, "document"), plural(2, "document"), plural(0, "row")) == ("1 document", "2 documents", "0 rows")
