"""The kit's layers, enforced by import-linter contracts (``[tool.importlinter]`` in ``pyproject.toml``).

Data flows one way: ``kit.cli``/``kit.serve``/``kit.workshop`` may use the apps (``kit.views``), the apps may use
teaching material (``kit.teaching``), and both use the core (the tables, the parser, the reference data); the core
never imports the apps or teaching, and teaching never imports the apps. The contracts also order the core's own
modules. These tests run the linter on the kit, prove it fails on a copy with a forbidden import added, and check
that no module of the kit is left out of the layers.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import importlinter  # noqa: F401 - part of the test extra; a missing linter fails here, it is never skipped
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint(root: Path) -> subprocess.CompletedProcess:
    """Run import-linter on the ``kit`` package under ``root`` with ``root/pyproject.toml``."""
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, env={**env, "PYTHONPATH": str(root)}
    )


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    root.mkdir()
    shutil.copy(ROOT / "pyproject.toml", root)
    shutil.copytree(ROOT / "kit", root / "kit", ignore=shutil.ignore_patterns("__pycache__", "data", "notebooks"))
    return root


def test_the_kit_keeps_its_layers():
    proc = _lint(ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


@pytest.mark.parametrize(
    "module, line, names",
    [
        ("kit/schema.py", "from .views import data as _data", "kit.schema -> kit.views.data"),  # core -> views
        (
            "kit/sources.py",
            "from .teaching import briefing as _b",
            "kit.sources -> kit.teaching.briefing",
        ),  # core -> teaching
        ("kit/teaching/handout.py", "from ..views.html import esc as _esc", "kit.teaching.handout -> kit.views.html"),
        (
            "kit/gazetteer.py",
            "from .themes import ThemeTagger as _T",
            "kit.gazetteer -> kit.themes",
        ),  # reference -> analysis
        (
            "kit/views/charts.py",
            "from .land_outline import svg_document as _s",
            "kit.views.charts -> kit.views.land_outline",
        ),
    ],
)
def test_a_forbidden_import_breaks_a_contract(tmp_path, module, line, names):
    root = _copy(tmp_path)
    target = root / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n\ndef _late():\n    {line}\n", encoding="utf-8")
    proc = _lint(root)
    assert proc.returncode != 0, proc.stdout
    assert "BROKEN" in proc.stdout and names in proc.stdout, proc.stdout


def test_every_module_of_the_kit_is_in_a_layer():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    placed = {
        name.strip("() ")
        for contract in config["contracts"]
        for layer in contract.get("layers", [])
        for name in layer.replace("|", ":").split(":")
    }
    kit = ROOT / "kit"
    modules = {f"kit.{p.stem}" for p in kit.glob("*.py") if p.stem != "__init__"}
    modules |= {f"kit.{p.parent.name}" for p in kit.glob("*/__init__.py")}
    # every module of kit.views is a view, and of kit.teaching teaching material: the packages are placed whole
    unplaced = sorted(modules - placed)
    assert not unplaced, f"place these modules in a layer of [tool.importlinter] in pyproject.toml: {unplaced}"


def test_every_package_of_the_kit_ships_in_the_wheel():
    """A module split into a package (``kit/teaching/note/``) ships only if ``[tool.setuptools] packages`` lists it:
    every folder of ``kit/`` with an ``__init__.py`` is listed (the wheel test builds it; this says which is missing
    in a second)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    kit = ROOT / "kit"
    packages = {".".join(("kit", *p.parent.relative_to(kit).parts)) for p in kit.rglob("__init__.py")}
    missing = sorted(packages - listed)
    assert not missing, f"add these packages to [tool.setuptools] packages in pyproject.toml: {missing}"


# ---------------------------------------------------------------- imports between the grammar modules

KIT = Path(__file__).resolve().parents[1] / "kit"


def _kit_imports(module: str) -> set[str]:
    tree = ast.parse((KIT / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add(node.module or "")
    return found


def test_gazetteer_does_not_import_themes():
    """themes uses the gazetteer; the reverse import made a cycle (issue 10)."""
    assert "themes" in _kit_imports("themes") or "gazetteer" in _kit_imports("themes")
    assert "themes" not in _kit_imports("gazetteer")
