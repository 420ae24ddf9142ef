"""The model, the ontology and the stores. Imports neither loaders nor queries."""
from .errors import (ActorgraphError, ActorNotFound, InputError, NoPath, StoreError,
                     StoreLocked, StoreUnavailable)
from .model import Actor, Batch, Document, Relation, Statement, aggregate
from .ontology import ALIGNMENT, ActorType, RelType
from .store import GraphStore, is_bolt, open_store, store_location

__all__ = [
    "ActorgraphError", "ActorNotFound", "InputError", "NoPath", "StoreError", "StoreLocked",
    "StoreUnavailable", "Actor", "Batch", "Document", "Relation", "Statement", "ALIGNMENT",
    "ActorType", "RelType", "GraphStore", "aggregate", "is_bolt", "open_store", "store_location",
]
