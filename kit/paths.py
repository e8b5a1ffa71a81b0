"""Where the kit's shipped files are: the one definition the library, apps, CLI, tests and benchmarks use.

The bundled report and the reference tables (top-level ``data/``) and the app notebooks (top-level
``notebooks/``) stay where the project's layout puts them; the wheel maps them into the package as
``kit/data`` and ``kit/notebooks`` (see ``pyproject.toml``). :func:`shipped` finds them with
:mod:`importlib.resources` in an installed wheel and falls back to the source checkout's top-level
folders for an editable install or a plain ``PYTHONPATH`` checkout. The package's own data (the apps'
assets, the Voilà configuration and template, the teaching templates, the catalogues) is named here too, so
no module computes a path of its own with :mod:`importlib.resources`.

Examples
--------
>>> DEFAULT_REPORT.name
'wgpko-2021.md'
>>> (REFERENCE_DIR / "member_states.csv").is_file()
True
>>> (JUPYTER_DIR / "voila.json").is_file() and (VOILA_TEMPLATE_DIR / "index.html.j2").is_file()
True
>>> asset("apps.css").is_file(), NOTE_SCHEMA.is_file(), (TEACHING_TEMPLATES_DIR / "note.html.j2").is_file()
(True, True, True)
>>> catalogue("fr").relative_to(PACKAGE_DIR).as_posix()
'locale/fr/LC_MESSAGES/kit.mo'

This module imports nothing of the kit, so every layer may use it (:mod:`kit.i18n`, the lowest, too).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = [
    "shipped",
    "PACKAGE_DIR",
    "DATA_DIR",
    "REFERENCE_DIR",
    "SHIPPED_REFERENCE_DIR",
    "REPORTS_DIR",
    "DEFAULT_REPORT",
    "NOTEBOOKS_DIR",
    "ASSETS_DIR",
    "JUPYTER_DIR",
    "VOILA_TEMPLATE_DIR",
    "TEACHING_DIR",
    "LOCALE_DIR",
    "TEACHING_TEMPLATES_DIR",
    "NOTE_SCHEMA",
    "asset",
    "catalogue",
    "as_created",
]

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

#: The apps' stylesheet and the map's land outline.
ASSETS_DIR = PACKAGE_DIR / "assets"
#: The kit's Jupyter data and config folder: ``voila.json`` and the offline ``kit`` Voilà template.
JUPYTER_DIR = PACKAGE_DIR / "views" / "jupyter"
VOILA_TEMPLATE_DIR = JUPYTER_DIR / "voila" / "templates" / "kit"
#: The briefing note's and handout's templates (``templates/``) and the note's JSON schema.
TEACHING_DIR = PACKAGE_DIR / "teaching"
#: The printable pages' templates and stylesheets: the briefing note, the handout, the printable report.
TEACHING_TEMPLATES_DIR = TEACHING_DIR / "templates"
#: The JSON schema of a briefing note (``kit note --format json``).
NOTE_SCHEMA = TEACHING_DIR / "note.schema.json"
#: The gettext catalogues (:func:`catalogue`).
LOCALE_DIR = PACKAGE_DIR / "locale"


def asset(name: str) -> Path:
    """The shipped asset ``name`` of ``kit/assets`` (``"apps.css"``, the map's ``"land-110m.svg"``)."""
    return ASSETS_DIR / name


def catalogue(lang: str, domain: str = "kit") -> Path:
    """The compiled gettext catalogue (``.mo``) of the language code ``lang`` (it may not exist)."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"


def _umask() -> int:
    """This process's umask, read without changing it where the system tells it (Linux), else set and reset."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def as_created(path: str | Path) -> Path:
    """Give ``path`` the permissions a plain ``open()`` or ``mkdir()`` would have given it under the umask.

    Files and folders made with :mod:`tempfile` (to write atomically, then rename into place) are private
    (``0600``, ``0700``) whatever the umask; the kit's exports must be readable as any file the user writes.

    Examples
    --------
    >>> import tempfile
    >>> folder = as_created(tempfile.mkdtemp())
    >>> oct(folder.stat().st_mode & 0o777) == oct(0o777 & ~_umask())
    True
    """
    path = Path(path)
    path.chmod((0o777 if path.is_dir() else 0o666) & ~_umask())
    return path
