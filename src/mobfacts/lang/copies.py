"""JSON copies of the language files, which a wheel holds beside them (setup.py writes them).

Parsing the TOML of one language took a sixth of a one-article run's start; the same data
as JSON parses twenty times faster. A copy records the length and CRC-32 of the TOML bytes
it was made from, and is read only while they still match: an edited TOML file is parsed
again, whatever its copy says. An editable install has no copies and always reads the TOML.

This module imports nothing of the package: setup.py loads it on its own to write copies.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any


def read(toml_path: Path) -> dict[str, Any]:
    """The data of a TOML file: from its JSON copy when that is of these very bytes."""
    source = toml_path.read_bytes()
    try:
        copy = json.loads(toml_path.with_suffix(".json").read_bytes())
        if copy["toml"] == _fingerprint(source):
            data: dict[str, Any] = copy["data"]
            return data
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no copy, or not one that can be read
    import tomllib  # only without a current copy

    return tomllib.loads(source.decode("utf-8"))


def copy_of(source: bytes) -> str:
    """The JSON copy of a TOML file's bytes."""
    import tomllib

    data = tomllib.loads(source.decode("utf-8"))
    return json.dumps({"toml": _fingerprint(source), "data": data}, ensure_ascii=False)


def write_copies(folder: Path) -> list[Path]:
    """A JSON copy beside every language file below folder (a wheel's lang/ folder)."""
    written = []
    for toml_path in sorted(folder.glob("*/*.toml")):
        target = toml_path.with_suffix(".json")
        target.write_text(copy_of(toml_path.read_bytes()), encoding="utf-8")
        written.append(target)
    return written


def _fingerprint(source: bytes) -> list[int]:
    return [len(source), zlib.crc32(source)]
