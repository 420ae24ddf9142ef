"""The named queries' backend is the store itself: every store answers the query methods
declared in :class:`~actorgraph.graph.store.GraphStore` (Cypher on Bolt, SQL on the
embedded file), so a new store needs no edit here."""
from __future__ import annotations

from actorgraph.graph import GraphStore, StoreError
from actorgraph.graph.model import Edge

__all__ = ["Edge", "source"]


def source(store) -> GraphStore:
    """The backend answering named queries for ``store``: the store, if it offers the protocol."""
    if not isinstance(store, GraphStore):
        raise StoreError(f"named queries do not support a {type(store).__name__}")
    return store
