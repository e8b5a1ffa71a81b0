"""Where the kit's shipped files are: the one definition the library, apps, CLI, tests and benchmarks use.

The bundled report and the reference tables (top-level ``data/``) and the app notebooks (top-level
``notebooks/``) stay where the project's layout puts them; the wheel maps them into the package as
``kit/data`` and ``kit/notebooks`` (see ``pyproject.toml``). :func:`shipped` finds them with
:mod:`importlib.resources` in an installed wheel and falls back to the source checkout's top-level
folders for an editable install or a plain ``PYTHONPATH`` checkout.

Examples
--------
>>> DEFAULT_REPORT.name
'wgpko-2021.md'
>>> (REFERENCE_DIR / "member_states.csv").is_file()
True
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = ["shipped", "PACKAGE_DIR", "DATA_DIR", "REFERENCE_DIR", "SHIPPED_REFERENCE_DIR", "REPORTS_DIR",
           "DEFAULT_REPORT", "NOTEBOOKS_DIR"]

PACKAGE_DIR = Path(str(resources.files("kit")))


def shipped(name: str) -> Path:
    """The folder ``name`` (``"data"`` or ``"notebooks"``) as installed, or in the source checkout."""
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


DATA_DIR = shipped("data")
REPORTS_DIR = DATA_DIR / "reports"
DEFAULT_REPORT = REPORTS_DIR / "wgpko-2021.md"
#: The reference tables the kit ships (where a table missing from :data:`REFERENCE_DIR` is read from).
SHIPPED_REFERENCE_DIR = DATA_DIR / "reference"
#: The reference tables; ``KIT_REFERENCE_DIR`` points the kit at a trainer's own copy, which may hold only the
#: tables the trainer changed (:func:`kit.gazetteer.reference_path` falls back to the shipped ones).
REFERENCE_DIR = Path(os.environ.get("KIT_REFERENCE_DIR") or SHIPPED_REFERENCE_DIR)
NOTEBOOKS_DIR = shipped("notebooks")
