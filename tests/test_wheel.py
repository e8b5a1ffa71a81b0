"""The kit installed from its wheel works from any folder (marker ``wheel``).

The wheel is built with ``pip wheel --no-deps .`` and installed into a fresh virtual environment. To keep
the test fast and offline, that environment gets the kit's dependencies from the environment running the
tests (a ``.pth`` line naming its site-packages, and its ``share/jupyter`` on ``JUPYTER_PATH`` for Voilà's
and nbconvert's own templates); the kit itself comes only from the wheel, which the test checks. From an
empty folder it runs ``load_report()``, ``kit export`` and ``kit serve`` (the landing page answers and an
app renders).
"""

from __future__ import annotations

import os
import shutil
import signal
import site
import subprocess
import sys
import sysconfig
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest

from kit.testing import free_port, wait_until_serving
from kit.views.registry import APPS

pytestmark = [pytest.mark.wheel, pytest.mark.network]  # pip fetches the build backend (setuptools)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # a clean copy of the sources: setuptools' build/ folder in a checkout may hold files removed since
    source = out / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            "build",
            ".venv",
            "*.egg-info",
            "__pycache__",
            ".hypothesis",
            "tmp",
            "exports",
            ".pytest_cache",
            ".mypy_cache",
            ".ruff_cache",
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        timeout=600,
        cwd=out,
    )
    (built,) = out.glob("peacekeeping_briefing_kit-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """A fresh venv with the kit from the wheel only; returns (python, env, empty folder)."""
    where = tmp_path_factory.mktemp("venv")
    env_dir = where / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # install the wheel with this environment's pip into the fresh one (no index: nothing else comes in)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(purelib), str(wheel)],
        check=True,
        timeout=600,
    )
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (purelib / "_kit_test_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KIT_REPORT", "VIRTUAL_ENV")}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env['PATH']}"
    env["KIT_CACHE_DIR"] = str(where / "cache")
    env["JUPYTER_PATH"] = str(Path(sysconfig.get_paths()["data"]) / "share" / "jupyter")
    empty = where / "empty"
    empty.mkdir()
    return python, env, empty, purelib


def test_wheel_carries_the_data_the_apps_and_the_participants_notebooks_not_the_solutions(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "kit/data/reports/wgpko-2021.md" in names
    assert any(n.startswith("kit/data/reference/") and n.endswith(".csv") for n in names)
    assert "kit/views/jupyter/voila.json" in names
    assert "kit/views/jupyter/voila/templates/kit/index.html.j2" in names
    assert "kit/views/jupyter/voila/templates/kit/landing.html.j2" in names
    for app in APPS:
        assert f"kit/notebooks/{app.notebook}" in names
    workshop = sorted(p.name for p in (ROOT / "notebooks" / "workshop").glob("*.ipynb"))
    assert workshop and all(f"kit/notebooks/workshop/{nb}" in names for nb in workshop)
    assert not any("solutions" in n for n in names)


def test_load_report_from_an_empty_folder(installed):
    python, env, empty, purelib = installed
    out = subprocess.run(
        [
            python,
            "-c",
            "import kit; r = kit.load_report(); print(kit.__file__); print(len(r.paragraphs), len(r.statements))",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=empty,
        timeout=300,
        check=True,
    )
    where, counts = out.stdout.strip().splitlines()
    assert Path(where).is_relative_to(purelib)  # the kit came from the wheel
    paragraphs, statements = map(int, counts.split())
    assert paragraphs > 0 and statements > 0


def test_kit_export_from_an_empty_folder(installed):
    python, env, empty, _ = installed
    out = subprocess.run(
        [python, "-m", "kit.cli", "export", "--out", "tables"],
        capture_output=True,
        text=True,
        env=env,
        cwd=empty,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    written = {p.name for p in (empty / "tables").glob("*.csv")}
    assert {"paragraphs.csv", "statements.csv", "speakers.csv"} <= written


@pytest.mark.parametrize("lang, folder", [("en", "."), ("fr", "fr")])
def test_kit_notebooks_from_an_empty_folder(installed, lang, folder):
    """A participant with the wheel gets their own copy of the workshop notebooks in their language."""
    python, env, empty, _ = installed
    out = subprocess.run(
        [python, "-m", "kit.cli", "notebooks", "--lang", lang, "--out", f"mine-{lang}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=empty,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    shipped = sorted((ROOT / "notebooks" / "workshop" / folder).glob("*.ipynb"))
    copied = sorted((empty / f"mine-{lang}").glob("*.ipynb"))
    assert shipped and [p.name for p in copied] == [p.name for p in shipped]
    assert all(c.read_bytes() == s.read_bytes() for c, s in zip(copied, shipped))


def test_kit_serve_from_an_empty_folder(installed):
    python, env, empty, _ = installed
    port = free_port()
    proc = subprocess.Popen(
        [python, "-m", "kit.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=empty,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base + "/", proc, timeout=180)
        landing = urllib.request.urlopen(base + "/", timeout=60).read().decode("utf-8")
        assert all(app.title in landing for app in APPS)
        html = urllib.request.urlopen(f"{base}/voila/render/{APPS[0].notebook}", timeout=300).read().decode()
        assert "jupyter-widgets" in html or "application/vnd.jupyter" in html
        assert "Traceback" not in html and "There was an error" not in html
    finally:
        proc.send_signal(signal.SIGTERM)
        output = proc.communicate(timeout=60)[0].decode("utf-8", "replace")
    assert f"http://127.0.0.1:{port}/" in output
