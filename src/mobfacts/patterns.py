"""Compiled regex patterns, kept between runs in a cache file, as Python keeps bytecode.

The regex module compiles a pattern with a parser written in Python: the patterns of one
language took 50-80 ms to compile, a quarter to a third of a one-article run. A compiled
pattern pickles as the engine's own code, so the cache holds each pattern the extractors
have compiled, and a later run reads it back in a few milliseconds. An entry is keyed by the
pattern's exact text and flags, so a changed rule is simply compiled anew; the file's name
holds the Python and regex versions it was made by.

The cache lives in ``$MOBFACTS_CACHE_DIR``, else ``$XDG_CACHE_HOME/mobfacts``, else
``~/.cache/mobfacts``; ``MOBFACTS_CACHE=off`` turns it off. It is written when a process
that compiled new patterns exits, atomically; a folder that cannot be written is passed
over, and a file that cannot be read is ignored and replaced. Reading it unpickles nothing
but the engine's compile function, so a file that names anything else is ignored too, and
so is a file another user owns (the engine trusts the code it is given).
"""

from __future__ import annotations

import atexit
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import regex

_MAX_ENTRIES = 4000  # past this, a save keeps only the patterns its process used
_Key = tuple[str, int]

# Each pattern is stored pickled on its own and unpickled when first asked for: a run reads
# the whole file (one language's patterns are half of it) but builds only what it uses.
_stored: dict[_Key, bytes] | None = None
_compiled: dict[_Key, regex.Pattern[str]] = {}
_used: set[_Key] = set()
_enabled = False  # whether there is a cache file to read and write (_load says)
_new = False


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 (as regex.compile)
    """regex.compile(source, flags), from the cache when an earlier run compiled it."""
    global _new
    stored = _stored if _stored is not None else _load()
    key = (source, int(flags))
    _used.add(key)
    found = _compiled.get(key)
    if found is not None:
        return found
    code = stored.get(key)
    found = _unpickle(code) if code is not None else None
    if found is None:
        found = regex.compile(source, flags)
        if _enabled:
            stored[key] = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
            if not _new:
                _new = True
                atexit.register(save)
    _compiled[key] = found
    return found


def cache_file() -> Path | None:
    """Where the cache is read and written; None when it is turned off."""
    if os.environ.get("MOBFACTS_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    folder = os.environ.get("MOBFACTS_CACHE_DIR")
    if not folder:
        home = os.path.expanduser("~")
        if home.startswith("~") and not os.environ.get("XDG_CACHE_HOME"):
            return None  # no home folder to keep a cache in (not a folder named "~" here)
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
        folder = os.path.join(base, "mobfacts")
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return Path(folder, f"patterns-{python}-regex{regex.__version__}.pickle")


class _EngineCodeOnly(pickle.Unpickler):
    """Unpickles compiled patterns (and the file's dict of them) and refuses any other
    callable."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


def _load() -> dict[_Key, bytes]:
    global _stored, _enabled
    _stored = {}
    path = cache_file()
    _enabled = path is not None
    if path is None:
        return _stored
    try:
        with open(path, "rb") as stream:
            if hasattr(os, "getuid") and os.fstat(stream.fileno()).st_uid != os.getuid():
                return _stored  # another user's file (a shared folder): not trusted
            loaded = _EngineCodeOnly(stream).load()
    except Exception:  # noqa: BLE001 (no file, or any damage to it: it is rebuilt)
        return _stored
    if isinstance(loaded, dict):
        _stored.update(
            (key, value)
            for key, value in loaded.items()
            if isinstance(key, tuple) and isinstance(value, bytes)
        )
    return _stored


def _unpickle(code: bytes) -> regex.Pattern[str] | None:
    try:
        found = _EngineCodeOnly(io.BytesIO(code)).load()
    except Exception:  # noqa: BLE001 (a damaged entry is compiled again)
        return None
    return found if isinstance(found, regex.Pattern) else None


def save() -> None:
    """Write the patterns compiled so far to the cache file (called at exit)."""
    global _new
    path = cache_file()
    if path is None or _stored is None or not _new:
        return
    entries = _stored
    if len(entries) > _MAX_ENTRIES:
        entries = {key: value for key, value in entries.items() if key in _used}
    import tempfile  # only a process that compiled something new writes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(entries, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return  # a cache that cannot be written costs only time
    _new = False
