"""The habits of the package, run by the one test command: lint (ruff), format (ruff format, on the files
listed below), types (mypy on the core), the pre-commit hooks that run the same tools, the documentation site
(built offline with warnings as errors) and the README as the front door.

The tools come with the ``test`` extra; a missing one fails here (as ``tests/test_layers.py`` does for
import-linter): it is never skipped.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run a tool of the test extra as ``python -m <tool>`` in the repository; its output in the failure."""
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if "No module named" in done.stderr and done.returncode != 0:
        pytest.fail(f"{command[0]} is not installed: pip install -e '.[test]'\n{done.stderr}")
    return done


def test_ruff_check_passes_on_the_whole_repository():
    done = run("ruff", "check", "--no-cache", ".")
    assert done.returncode == 0, f"ruff check . found problems:\n{done.stdout}{done.stderr}"


def test_every_file_is_formatted():
    """``ruff format --check .``: every Python file of the repository (the notebooks keep their cells' layout)."""
    done = run("ruff", "format", "--check", "--diff", "--no-cache", ".")
    assert done.returncode == 0, f"ruff format would change these files:\n{done.stdout}{done.stderr}"


def test_ruff_check_fails_on_a_real_problem(tmp_path):
    """The lint test can fail: the same configuration finds an unused import in a new file."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    done = run("ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad))
    assert done.returncode == 1 and "F401" in done.stdout


#: Files another engineer is rewriting, where a reason could not be added without a merge conflict: file -> the
#: number of suppressions still without one. An entry for a file that no longer exists is ignored.
REASONS_PENDING: dict[str, int] = {}
SUPPRESSION = re.compile(r"#\s*(noqa|type:\s*ignore)\b(?P<rest>.*)$")
REASONED = re.compile(r"^(?::\s*[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*|\[[\w-]+(?:,\s*[\w-]+)*\])\s+-\s+\S")


def unreasoned(text: str) -> list[int]:
    """The lines of ``text`` with a ``# noqa`` or ``# type: ignore`` that names no code or gives no reason.

    >>> unreasoned("import os  # noqa: F401 - re-exported\\nx = 1  # noqa: E731\\ny = f()  # type: ignore")
    [2, 3]
    >>> unreasoned("def f(self):  # type: ignore[override] - the base class is untyped")
    []
    """
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        match = SUPPRESSION.search(line)
        if match and not REASONED.match(match.group("rest")):
            found.append(number)
    return found


def test_every_suppression_names_its_code_and_says_why():
    """Each ``# noqa`` / ``# type: ignore`` of the kit, the tests and the benchmarks is needed (RUF100 in
    ``ruff check``) and says why on its line: ``# noqa: E402 - the checkout is put on sys.path above``."""
    files = [p for folder in ("kit", "tests", "benchmarks", "docs") for p in (ROOT / folder).rglob("*.py")]
    missing = {}
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        if name.startswith("tests/.node/") or name == "tests/test_tooling.py":
            continue
        lines = unreasoned(path.read_text(encoding="utf-8"))
        if lines and len(lines) != REASONS_PENDING.get(name):
            missing[name] = lines
    assert not missing, f"a noqa or type: ignore without its code and reason: {missing}"


def test_mypy_passes_on_the_core():
    done = run("mypy", timeout=600)
    assert done.returncode == 0, f"mypy found type errors in the core:\n{done.stdout}{done.stderr}"


def test_mypy_checks_the_core_and_not_the_apps():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["kit"]
    assert {"^kit/views/", "^kit/teaching/"} == set(config["exclude"])


def test_pre_commit_runs_the_same_tools_on_the_same_files():
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format"} <= set(hooks)
    assert "ruff check" in hooks["ruff"]["entry"]
    # the format hook runs on every Python file, as the test does (no `files:` pattern narrowing it)
    assert "files" not in hooks["ruff-format"] and "ruff format" in hooks["ruff-format"]["entry"]


def test_the_tools_are_in_the_test_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    test_extra = " ".join(project["optional-dependencies"]["test"])
    for tool in ("ruff", "mypy", "pre-commit", "mkdocs", "mkdocs-material", "mkdocstrings"):
        assert re.search(rf"(^|\s|\"){re.escape(tool)}[\[>=<]", test_extra), tool


def test_the_slow_families_are_marked_by_file_fixture_and_kind():
    """``-m "not slow"`` leaves out the browser tests (by file), the notebooks (nbval items) and the tests that
    start a server (by fixture), and keeps the unit tests of the same files."""
    files = ["tests/test_browser.py", "tests/test_serve.py", "notebooks/overview.ipynb"]
    done = run("pytest", "--collect-only", "-q", "-m", "not slow", "-p", "no:cacheprovider", *files)
    kept = [line for line in done.stdout.splitlines() if "::" in line]
    assert kept, done.stdout + done.stderr
    assert not any(line.startswith(("tests/test_browser.py", "notebooks/")) for line in kept)
    assert not any(
        "[" not in line and line.endswith(("every_app_renders", "test_landing_page_in_a_browser")) for line in kept
    )
    assert any(line.endswith("test_link_local_comes_last") for line in kept)


def test_every_test_named_slow_exists():
    """A renamed test would leave ``SLOW_TESTS`` silently and slow the fast lane down: each name is a test's."""
    from .conftest import SLOW_TESTS

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    for key in SLOW_TESTS:
        assert re.search(rf"^def {re.escape(key.split('[')[0])}\(", source, re.M), key


# --- the documentation site -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site built by ``mkdocs build --strict`` (warnings, broken internal links and anchors are errors)."""
    out = tmp_path_factory.mktemp("site")
    done = run("mkdocs", "build", "--strict", "--site-dir", str(out), timeout=600)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}"
    return out


def test_the_site_fetches_nothing_from_elsewhere(site):
    """No script, stylesheet or font from a CDN: a room with no internet gets the whole site."""
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    outside = re.compile(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=[\"']?(?:https?:)?//", re.I)
    for page in pages:
        found = outside.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page.relative_to(site)} loads {found}"
    for css in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*[\"']?https?:", css.read_text(encoding="utf-8")), css


def test_every_cli_command_and_option_is_in_the_reference(site):
    import argparse

    from kit.cli import build_parser

    page = (site / "reference" / "cli.html").read_text(encoding="utf-8")
    (subparsers,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    for name, sub in subparsers.choices.items():
        assert f'id="kit-{name}"' in page, name
        for action in sub._actions:
            for option in action.option_strings:
                assert option in page, f"kit {name} {option}"


def test_the_api_reference_is_rendered_from_the_docstrings(site):
    page = (site / "reference" / "api.html").read_text(encoding="utf-8")
    for name in (
        "report.load_report",
        "report.load_corpus",
        "errors.ReportError",
        "rows.ViewReport",
        "teaching.note.build_note",
        "paths.as_created",
    ):
        assert f'id="kit.{name}"' in page, name


def test_the_navigation_lists_only_pages_that_exist(tmp_path):
    """Pages other engineers are writing can be listed before they land: the hook leaves them out."""
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import hooks
    finally:
        sys.path.pop(0)
    (tmp_path / "a.md").write_text("# A", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.md").write_text("# C", encoding="utf-8")
    nav = [{"A": "a.md"}, {"Later": "later.md"}, {"B": [{"C": "b/c.md"}, {"D": "b/d.md"}]}, {"E": [{"F": "f.md"}]}]
    assert hooks._existing(nav, tmp_path) == [{"A": "a.md"}, {"B": [{"C": "b/c.md"}]}]


# --- the README, the front door ---------------------------------------------------------------------------------


def _bash_blocks(text: str) -> list[str]:
    return re.findall(r"^```bash\n(.*?)^```$", text, re.M | re.S)


def test_the_readme_is_a_front_door():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.split()) < 1200, "the README is the front door: move long sections into docs/"
    first, second = _bash_blocks(text)[:2]
    assert "kit serve" in first  # starts the apps
    assert "pytest" in second and "-n " not in second  # the whole suite, as .ci/run runs it
    ci = subprocess.run(
        ["awk", r"/^```bash$/{n++; next} /^```$/{if (n==2) exit} n==2", "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    assert ci.strip() == second.strip()
    assert "axe-core" in text and "CI" in text  # the test prerequisites, axe-core included
    assert re.search(r"!\[[^\]]+\]\(docs/images/[\w-]+\.png\)", text)  # a screenshot


def test_every_local_link_of_the_front_pages_exists():
    for doc in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if not target.startswith(("http://", "https://")):
                assert (ROOT / target).exists(), f"{doc} links to {target}, which does not exist"


def test_no_test_skips_under_ci_by_itself():
    """The one rule (tests/conftest.py: need, need_tool, need_module): no copy of it, no importorskip."""
    for path in (ROOT / "tests").glob("test_*.py"):
        if path.name == Path(__file__).name:  # this test names what it looks for
            continue
        text = path.read_text(encoding="utf-8")
        assert "pytest.importorskip(" not in text, f"{path.name}: use need_module() of tests/conftest.py"
        assert 'os.environ.get("CI")' not in text, f"{path.name}: use need() of tests/conftest.py"
