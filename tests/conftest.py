"""Shared fixtures.

Bolt: ``bolt_server`` is the session's Bolt server — the one named by
``NEO4J_URI`` (credentials from ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``), else ArcadeDB's Bolt plugin started from
``arcadedb-embedded`` on free loopback ports. If it cannot start, Bolt tests
are skipped, or fail when ``CI`` or ``ACTORGRAPH_REQUIRE_BOLT`` is set.
``bolt_store`` is a Neo4jStore on an emptied database; ``bolt_env`` sets the
``NEO4J_*`` variables for code that calls ``open_store(uri)``.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass

import pytest

from bolt_server import BoltServer, BoltServerError


@dataclass(frozen=True)
class BoltTarget:
    uri: str
    user: str
    password: str
    database: str | None

    def store(self, **kw):
        from actorgraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(self.uri, user=self.user, password=self.password,
                          database=self.database, **kw)


def _no_bolt(reason: str):
    if os.environ.get("CI") or os.environ.get("ACTORGRAPH_REQUIRE_BOLT"):
        pytest.fail(f"Bolt server required (CI / ACTORGRAPH_REQUIRE_BOLT): {reason}", pytrace=False)
    pytest.skip(f"no Bolt server: {reason}")


@pytest.fixture(scope="session")
def bolt_server():
    """The session's Bolt server as a BoltTarget(uri, user, password, database)."""
    if os.environ.get("NEO4J_URI"):
        yield BoltTarget(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME", "neo4j"),
                         os.environ.get("NEO4J_PASSWORD", ""),
                         os.environ.get("NEO4J_DATABASE") or None)
        return
    if importlib.util.find_spec("arcadedb_embedded") is None:
        _no_bolt("NEO4J_URI is not set and arcadedb-embedded is not installed")
    server = BoltServer()
    try:
        server.start()
    except (BoltServerError, OSError) as e:
        _no_bolt(str(e))
    try:
        yield BoltTarget(server.uri, server.user, server.password, server.database)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def bolt_uri(bolt_server) -> str:
    return bolt_server.uri


@pytest.fixture
def bolt_store(bolt_server):
    """A Neo4jStore on the session's server, its database emptied first."""
    store = bolt_server.store()
    store.run("MATCH (n) DETACH DELETE n", write=True)
    yield store
    store.close()


@pytest.fixture
def bolt_env(bolt_server, monkeypatch) -> str:
    """The server's URI, with NEO4J_USERNAME/PASSWORD/DATABASE set for open_store()."""
    monkeypatch.setenv("NEO4J_USERNAME", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    if bolt_server.database:
        monkeypatch.setenv("NEO4J_DATABASE", bolt_server.database)
    else:
        monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return bolt_server.uri


def run_cli(capsys, *args):
    """The CLI as a user runs it: (exit code, stdout, stderr); argparse's exits count as codes."""
    from actorgraph.cli import main

    try:
        code = main([str(a) for a in args])
    except SystemExit as e:  # argparse: --version, --help and usage errors
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def ingest_in_runs(path: str, order, per_run: int, pipeline) -> None:
    """Ingest ``order`` into the store file ``path`` in runs of ``per_run`` documents, each run
    opening the store anew, so that later runs meet what earlier ones stored."""
    from actorgraph.graph import open_store
    from actorgraph.loaders.pipeline import ingest

    for k in range(0, len(order), per_run):
        with open_store(path, write=True) as store:
            ingest(order[k:k + per_run], store, pipeline=pipeline)
