"""The embedded store under a killed ingest and under two ingests at once (whole processes)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actorgraph.graph import open_store

pytestmark = pytest.mark.model
PAIRS = [("Chad", "Niger"), ("Kenya", "Uganda"), ("Peru", "Chile"), ("Norway", "Sweden"),
         ("Ghana", "Togo"), ("Egypt", "Sudan"), ("Poland", "Lithuania"), ("Vietnam", "Laos")]
VERBS = ["backed", "criticised", "condemned", "supported", "threatened", "sanctioned"]


def documents(folder: Path, n: int, tag: str) -> Path:
    """``n`` short news items of our own, each different, each with a few statements."""
    folder.mkdir()
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        c, d = PAIRS[(i * 3 + 1) % len(PAIRS)]
        (folder / f"{tag}-{i:04d}.txt").write_text(
            f"Report {tag} {i}\n{a} {VERBS[i % len(VERBS)]} {b} on Monday, officials said.\n"
            f"Later {c} {VERBS[(i + 2) % len(VERBS)]} {d} over the border dispute number {i}.\n",
            encoding="utf-8")
    return folder


def ingest_process(store: Path, *paths: Path) -> subprocess.Popen:
    code = "import sys; from actorgraph.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", *map(str, paths), "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_documents(store: Path) -> int:
    """Documents committed so far, read as another process would (0 while there is no store)."""
    try:
        with open_store(str(store)) as st:
            return len(st.document_ids())
    except Exception:  # noqa: BLE001 - not created yet, or created and not yet given its tables
        return 0


def contents(store: Path) -> tuple[set[str], dict[str, set[str]]]:
    with open_store(str(store)) as st:
        by_doc: dict[str, set[str]] = {}
        for s in st.statements():
            by_doc.setdefault(s.document, set()).add(s.id)
        return st.document_ids(), by_doc


def test_a_killed_ingest_keeps_its_committed_batches_and_a_rerun_completes(tmp_path):
    docs = documents(tmp_path / "docs", 600, "k")
    store = tmp_path / "g.db"
    proc = ingest_process(store, docs)
    deadline = time.monotonic() + 180
    while stored_documents(store) == 0:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no batch committed in 180 s"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    check = sqlite3.connect(store)  # the file is whole
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    ids, by_doc = contents(store)
    assert 0 < len(ids) < 600, len(ids)
    assert set(by_doc) <= ids  # no statement without its document

    rerun = ingest_process(store, docs)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"ingested {600 - len(ids)} documents ({len(ids)} already stored)" in out
    ref = tmp_path / "ref.db"
    whole = ingest_process(ref, docs)
    assert whole.wait(timeout=300) == 0
    assert contents(store) == contents(ref)  # as if it had never been killed
    for d in ids:  # what was committed before the kill was complete
        assert by_doc.get(d, set()) == contents(ref)[1].get(d, set())


def test_two_ingests_into_one_store_both_complete(tmp_path):
    a, b = documents(tmp_path / "a", 250, "a"), documents(tmp_path / "b", 250, "b")
    store = tmp_path / "g.db"
    first, second = ingest_process(store, a), ingest_process(store, b)
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "ingested 250 documents (0 already stored)" in out
    ref = tmp_path / "ref.db"
    both = ingest_process(ref, a, b)
    assert both.wait(timeout=300) == 0
    ids, by_doc = contents(store)
    assert len(ids) == 500 and sum(map(len, by_doc.values())) > 500
    assert (ids, by_doc) == contents(ref)


LONG_INGEST = """
import sys
from actorgraph.graph import open_store
from actorgraph.loaders.pipeline import Pipeline, ingest
pipeline = Pipeline()
pipeline.part_chars = 3000
with open_store(sys.argv[2], write=True) as store:
    ingest([sys.argv[1]], store, pipeline=pipeline, flush_chars=3000)
"""


def long_document(path: Path, paragraphs: int) -> Path:
    lines = ["A long report"]
    for i in range(paragraphs):
        a, b = PAIRS[i % len(PAIRS)]
        c, d = PAIRS[(i * 5 + 2) % len(PAIRS)]
        lines.append(f"In week {i}, {a} {VERBS[i % len(VERBS)]} {b} over the river dispute, officials said. "
                     f"{c} {VERBS[(i + 3) % len(VERBS)]} {d} a day later, in talks number {i}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_long_document_is_written_part_by_part_and_a_killed_ingest_resumes_after_its_parts(tmp_path):
    from actorgraph.graph.export import to_json_data

    doc = long_document(tmp_path / "long.txt", 1500)  # about 60 parts of 3,000 characters
    run = [sys.executable, "-c", LONG_INGEST, str(doc)]
    store = tmp_path / "g.db"
    proc = subprocess.Popen(run + [str(store)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180

    def parts_written() -> int:
        try:
            with open_store(str(store)) as st:
                return max(st.unfinished().values(), default=0)
        except Exception:  # noqa: BLE001 - not created yet
            return 0
    while parts_written() < 3:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no part committed in 180 s"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with open_store(str(store)) as st:
        written = st.unfinished()
        assert st.document_ids() == set() and len(written) == 1  # stored in part, not as done
        assert 3 <= next(iter(written.values())) < 55
        assert st.statements()  # the committed parts' statements are there
    subprocess.run(run + [str(store)], check=True, capture_output=True, timeout=600)
    clean = tmp_path / "clean.db"
    subprocess.run(run + [str(clean)], check=True, capture_output=True, timeout=600)
    with open_store(str(store)) as resumed, open_store(str(clean)) as whole:
        assert resumed.unfinished() == {} and len(resumed.document_ids()) == 1
        assert to_json_data(resumed) == to_json_data(whole)  # mentions counted once per part
        assert len(whole.statements()) > 1000


CREATE = """
import sys, time
from actorgraph.graph.nx_store import NetworkXStore
start = float(sys.argv[1])
for i, path in enumerate(sys.argv[2:]):  # both processes open each store at the same moment
    time.sleep(max(0.0, start + 0.05 * i - time.time()))
    NetworkXStore(path, write=True, wait=60).close()
"""


def test_two_writers_creating_one_store_both_open_it(tmp_path):
    # SQLite does not wait for the lock that switching a new file to WAL takes: two ingests
    # that start together on a missing store raced for it, and one failed at once
    paths = [str(tmp_path / f"s{i}.db") for i in range(60)]
    start = str(time.time() + 3)
    procs = [subprocess.Popen([sys.executable, "-c", CREATE, start, *paths], stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    for path in paths:
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        db.close()
