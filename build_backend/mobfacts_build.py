"""The build backend: setuptools, compiling the extraction modules with mypyc for a wheel.

`pip install .` builds a wheel, and this backend asks for mypy and compiles the modules that
setup.py lists into C extensions: the same code, doing a third less work. An editable install
(`pip install -e .`, the one the tests and development use) stays pure Python, so an edit to a
module takes effect without a rebuild. MOBFACTS_PURE=1 builds a pure-Python wheel.
"""

from __future__ import annotations

import os

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403  (every hook not redefined here)

# The mypy that type-checks the modules and generates their C code.
COMPILER = "mypy>=1.11"


def _compiling() -> bool:
    return os.environ.get("MOBFACTS_PURE", "") in ("", "0")


def get_requires_for_build_wheel(config_settings: dict | None = None) -> list[str]:
    required = build_meta.get_requires_for_build_wheel(config_settings)
    return [*required, COMPILER] if _compiling() else required


def build_wheel(
    wheel_directory: str,
    config_settings: dict | None = None,
    metadata_directory: str | None = None,
) -> str:
    os.environ["MOBFACTS_COMPILE"] = "1" if _compiling() else "0"
    return build_meta.build_wheel(wheel_directory, config_settings, metadata_directory)
