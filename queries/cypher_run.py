"""``actorgraph cypher``: raw Cypher against a Bolt store, read-only unless asked."""
from __future__ import annotations

import re

from actorgraph.graph import ActorgraphError, StoreError

from .results import CypherResult

WRITE_CLAUSES = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH",
                 "LOAD CSV", "IN TRANSACTIONS", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE")
_NOISE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""", re.S)
_WRITE = re.compile(r"(?<![\w.$:])(" + "|".join(c.replace(" ", r"\s+") for c in WRITE_CLAUSES)
                    + r")(?!\w)", re.I)


class WriteRefused(ActorgraphError):
    """A query with write clauses, run without ``write=True``."""


def write_clauses(query: str) -> list[str]:
    """The write clauses in ``query`` (outside strings, comments and `quoted names`)."""
    text = _NOISE.sub(" ", query)
    return sorted({" ".join(m.group(1).upper().split()) for m in _WRITE.finditer(text)})


def _plain(value):
    """Driver graph values as plain data: nodes and relationships as property maps, paths as lists."""
    import neo4j.graph

    if isinstance(value, neo4j.graph.Node):
        return dict(value)
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **dict(value)}
    if isinstance(value, neo4j.graph.Path):
        return [_plain(x) for pair in zip(value.nodes, value.relationships) for x in pair] + \
               [_plain(value.end_node)]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def run_cypher(store, query: str, params: dict | None = None, *, write: bool = False
               ) -> CypherResult:
    """Run ``query`` on a Bolt store: column names and rows.

    A read transaction unless ``write``; a query with write clauses is refused
    (WriteRefused) unless ``write``.
    """
    if not hasattr(store, "run"):
        raise StoreError(f"{getattr(store, 'path', store)}: Cypher needs a Bolt store "
                         f"(--store bolt://HOST:7687)")
    found = write_clauses(query)
    if found and not write:
        raise WriteRefused(f"refused: the query writes ({', '.join(found)}); "
                           f"pass --write (write=True) to run it")
    columns, rows = store.run(query, params or {}, write=write)
    return CypherResult(columns, [[_plain(v) for v in row] for row in rows])
