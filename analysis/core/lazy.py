"""pandas and numpy, imported on first use.

``python -m analysis summary`` and corpus workers build plain rows, not DataFrames; importing pandas (and, through
it, numpy and pyarrow) costs about half a second of every process's start-up. Modules write
``from analysis.core.lazy import pandas as pd`` instead of ``import pandas as pd``: the name is the real module
(``importlib.util.LazyLoader``), executed the first time one of its attributes is read, so a table-building function
pays the import and the summary path never does. A library already imported is returned as it is.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from types import ModuleType
from typing import TYPE_CHECKING

__all__ = ["lazy_module", "numpy", "pandas"]

_LOCK = threading.Lock()


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, loaded when one of its attributes is first read (already loaded: returned as is).

    >>> import sys
    >>> lazy_module("json") is sys.modules["json"] or "json" not in sys.modules
    True
    """
    with _LOCK:
        module = sys.modules.get(name)
        if module is not None:
            return module
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        loader = importlib.util.LazyLoader(spec.loader)
        spec.loader = loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        loader.exec_module(module)
        return module


if TYPE_CHECKING:
    import numpy
    import pandas
else:
    pandas = lazy_module("pandas")
    numpy = lazy_module("numpy")
