"""``kit.paths`` is the one definition of where the kit's shipped files are.

No other module of the kit computes a path to its own files (``importlib.resources``, ``pkgutil``,
``pkg_resources``, ``__file__``): each uses a name of :mod:`kit.paths`, which finds the files in a source checkout
and in an installed wheel alike (``tests/test_wheel.py`` runs the kit from a wheel).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kit import paths

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "kit"
MODULES = sorted(p for p in KIT.rglob("*.py") if "data" not in p.relative_to(KIT).parts[:1])

#: The modules that find the package's own files themselves, by design: only kit/paths.py.
OWNER = KIT / "paths.py"


def own_path_lookups(source: str) -> list[str]:
    """The places in ``source`` that find the package's files without :mod:`kit.paths`: ``line: what``.

    >>> own_path_lookups("from importlib import resources\\nx = resources.files('kit')")
    ['1: from importlib import resources', "2: resources.files('kit')"]
    >>> own_path_lookups("'Read with :mod:`importlib.resources`.'\\nfrom kit.paths import asset")
    []
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [f"{node.module}.{a.name}" for a in node.names]
        else:
            names = []
        if any(n.startswith(("importlib.resources", "importlib_resources", "pkg_resources", "pkgutil")) for n in names):
            found.append(f"{node.lineno}: {ast.get_source_segment(source, node)}")
        elif isinstance(node, ast.Name) and node.id == "__file__":
            found.append(f"{node.lineno}: __file__")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "files":
            if isinstance(node.func.value, ast.Name | ast.Attribute) and "resources" in ast.unparse(node.func.value):
                found.append(f"{node.lineno}: {ast.get_source_segment(source, node)}")
    return sorted(set(found), key=lambda s: int(s.split(":")[0]))


def test_the_check_finds_each_way_of_bypassing_the_paths_module():
    """The test below can fail: each form it looks for is found in a module that uses it."""
    for code in (
        "import importlib.resources",
        "from importlib.resources import files",
        "import pkgutil",
        "import importlib\nx = importlib.resources.files('kit')",
        "from pathlib import Path\nx = Path(__file__).parent / 'assets'",
    ):
        assert own_path_lookups(code), code


@pytest.mark.parametrize("module", [p.relative_to(ROOT).as_posix() for p in MODULES if p != OWNER])
def test_no_module_finds_the_shipped_files_itself(module):
    found = own_path_lookups((ROOT / module).read_text(encoding="utf-8"))
    assert not found, f"{module} finds the kit's files itself ({found}): use a name of kit/paths.py"


def test_every_named_path_exists():
    """Each folder and file kit.paths names is shipped (in the checkout here, in the wheel by tests/test_wheel.py)."""
    for name in paths.__all__:
        value = getattr(paths, name)
        if isinstance(value, Path) and name != "REFERENCE_DIR":  # KIT_REFERENCE_DIR may name a folder to come
            assert value.exists(), f"kit.paths.{name} = {value} does not exist"
    for asset in ("apps.css", "land-110m.svg"):
        assert paths.asset(asset).is_file(), asset
    for lang in paths.LOCALE_DIR.iterdir():
        if lang.is_dir() and (lang / "LC_MESSAGES").is_dir():
            assert paths.catalogue(lang.name).is_file(), lang.name
