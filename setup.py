"""Which modules a wheel compiles with mypyc (build_backend/mobfacts_build.py says when), and
the JSON copies of the language files that a wheel holds beside them (lang/copies.py).

The modules that do the per-character and per-word work: the extractors and what they read
text with, and the JSON encoder that writes each fact. The CLI, the other output writers and
the runners stay Python: they run once per input or once per run, and the runners pickle
what they send to worker processes.
"""

import importlib.util
import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

COMPILED = [
    "src/mobfacts/extractors/dates.py",
    "src/mobfacts/extractors/dates_grammar.py",
    "src/mobfacts/extractors/dates_values.py",
    "src/mobfacts/extractors/figures.py",
    "src/mobfacts/extractors/figures_subject.py",
    "src/mobfacts/extractors/people.py",
    "src/mobfacts/numbers.py",
    "src/mobfacts/output/encode.py",
    "src/mobfacts/resolve.py",
    "src/mobfacts/text.py",
]

ext_modules = []
if os.environ.get("MOBFACTS_COMPILE") == "1":
    from mypyc.build import mypycify

    ext_modules = mypycify(COMPILED, opt_level="3")


class BuildWithCopies(build_py):
    """Also writes the JSON copy of each language file (src/mobfacts/lang/copies.py)."""

    def run(self) -> None:
        super().run()
        spec = importlib.util.spec_from_file_location("copies", "src/mobfacts/lang/copies.py")
        assert spec is not None and spec.loader is not None
        copies = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(copies)
        copies.write_copies(Path(self.build_lib, "mobfacts", "lang"))


setup(ext_modules=ext_modules, cmdclass={"build_py": BuildWithCopies})
