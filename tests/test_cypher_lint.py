"""Every Cypher string the store and the query library send is valid Neo4j 5 Cypher.

Checked by Neo4j's own parser, ``lintCypherQuery`` from the npm package
``@neo4j-cypher/language-support``, run under Node from ``tests/.node``
(install: ``npm ci --prefix tests/.node``). Without Node or the package the
test is skipped, and fails when ``CI`` or ``ACTORGRAPH_REQUIRE_LINT`` is set.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from actorgraph.graph.neo4j_store import QUERIES
from actorgraph.graph.neo4j_store import cypher, cypher_names

NODE_DIR = Path(__file__).parent / ".node"
SENT = {f"store:{n}": q for n, q in enumerate(QUERIES)} | {f"graph/cypher/{n}": cypher(n)
                                                          for n in cypher_names()}


def lint(queries: list[str]) -> list[list[dict]]:
    """Neo4j's diagnostics (errors and warnings) for each query."""
    if shutil.which("node") is None or not (NODE_DIR / "node_modules/@neo4j-cypher").is_dir():
        reason = "node or @neo4j-cypher/language-support missing (npm ci --prefix tests/.node)"
        if os.environ.get("CI") or os.environ.get("ACTORGRAPH_REQUIRE_LINT"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    done = subprocess.run(["node", str(NODE_DIR / "lint.mjs")], input=json.dumps(queries),
                          capture_output=True, text=True, timeout=120, cwd=NODE_DIR)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_query_sent_is_clean_neo4j_5_cypher():
    assert len(SENT) > 20 and all(q.strip() for q in SENT.values())
    diagnostics = dict(zip(SENT, lint(list(SENT.values()))))
    bad = {name: d for name, d in diagnostics.items() if d}
    assert not bad, json.dumps(bad, indent=1)


def test_the_linter_objects_to_bad_cypher():
    # a variable-length bound from a parameter, a missing bracket: the linter must object
    found = lint(["MATCH p = (a)-[*1..$n]-(b) RETURN p", "MATCH (n RETURN n",
                  "MATCH (a:Actor)-[r]->(b:Actor) RETURN a, b"])
    assert found[0] and found[1] and not found[2]
