"""Pickle briefings without the site's settings and context, which every briefing points at."""

from __future__ import annotations

import io
import pickle
from typing import Any


def shared_objects(generator: Any) -> dict[str, Any]:
    """Return the objects every briefing shares with the build, by the name they travel under."""
    # Pickled with each briefing they would come back as private copies, stale ones: a
    # {filename} link would then be resolved against the archive as it was when cached.
    return {"settings": generator.settings, "context": generator.context}


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, shared: dict[str, Any]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._names = {id(value): name for name, value in shared.items()}

    def persistent_id(self, obj: Any) -> str | None:
        return self._names.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: dict[str, Any]) -> None:
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, pid: Any) -> Any:
        return self._shared[pid]


def dumps(value: Any, shared: dict[str, Any]) -> bytes:
    """Pickle ``value``, leaving out the objects in ``shared``."""
    buffer = io.BytesIO()
    _Pickler(buffer, shared).dump(value)
    return buffer.getvalue()


def loads(data: bytes, shared: dict[str, Any]) -> Any:
    """Unpickle ``data``, putting back this build's objects in ``shared``."""
    return _Unpickler(io.BytesIO(data), shared).load()
