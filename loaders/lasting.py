"""Objects that live as long as the process (spaCy's modules, the model, the lexicons, the dated
roles) are kept out of Python's cyclic collector: none of its collections can free them, yet each
full one would walk them all again."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def lasting():
    """No collection runs while the block makes its objects, and afterwards they are frozen
    (``gc.freeze``), so that no later collection walks them. Collection is paused by a zero
    threshold, not ``gc.disable()``, which libraries undo (srsly re-enables the collector after
    reading each msgpack file of the model). Blocks may nest."""
    before = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*before)
