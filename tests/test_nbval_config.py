"""nbval compares what matters in the notebooks, and no more.

The app notebooks are compared by what shows that the app runs (no error, the app's one-line summary); their
page HTML is sanitized (``tests/nbval_sanitize.cfg``), so a change to the apps' HTML or CSS does not call for a
re-executed notebook. The workshop notebooks' outputs are compared whole: they are what participants see.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from nbval.plugin import get_sanitize_patterns

from kit.paths import NOTEBOOKS_DIR
from kit.views.registry import APPS

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "nbval_sanitize.cfg"


def sanitize(text: str) -> str:
    """``text`` as nbval compares it: every pattern of the sanitize file applied in order (as nbval does)."""
    for regex, replace in get_sanitize_patterns(CONFIG.read_text(encoding="utf-8")):
        text = re.sub(regex, replace, text)
    return text


def outputs(path: Path) -> list[dict]:
    """Every output of the notebook's code cells, with the cell's tags."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        {**out, "tags": cell.get("metadata", {}).get("tags", [])}
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
        for out in cell.get("outputs", [])
    ]


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def test_nbval_runs_with_the_sanitize_file():
    import tomllib

    addopts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "--nbval-sanitize-with=tests/nbval_sanitize.cfg" in addopts["addopts"].split()


@pytest.fixture
def page():
    """An app's page as the notebooks show it: the Overview app's HTML (stylesheet, then the app)."""
    from kit.views import overview_app

    app = overview_app()
    return app._repr_html_(), repr(app)


def test_an_app_page_is_compared_by_its_summary_not_its_html(page):
    html, summary = page
    assert sanitize(html) != html
    changed = html.replace("</h1>", "</h1><p>A new line of the page</p>", 1).replace("<style>", "<style>.x{}\n", 1)
    assert changed != html and sanitize(changed) == sanitize(html)
    assert sanitize(summary) == summary  # the summary is compared as it is
    assert re.search(r"\d+ paragraphs", summary)
    committed = [
        _text(out["data"]["text/html"])
        for out in outputs(NOTEBOOKS_DIR / "overview.ipynb")
        if "text/html" in out.get("data", {})
    ]
    assert committed and all(sanitize(old) == sanitize(html) for old in committed)  # what nbval compares


def test_an_app_that_fails_shows_a_page_that_is_still_compared(page):
    from kit.views.html import STYLE, error_panel

    html, _ = page
    failed = str(STYLE) + '<div class="kit">' + str(error_panel(ValueError("no report"))) + "</div>"
    assert '<div class="error"' in failed
    assert sanitize(failed) == failed != sanitize(html)


def test_other_html_is_compared_whole():
    """A pandas table or a plain HTML output of a workshop notebook is left as it is."""
    import pandas as pd

    table = pd.DataFrame({"speaker": ["<b>x</b>"], "n": [1]})._repr_html_()
    assert sanitize(table) == table
    assert sanitize("<style>p{}</style><p>text</p>") == "<style>p{}</style><p>text</p>"


@pytest.mark.parametrize("app", [app.name for app in APPS])
def test_each_app_notebook_keeps_a_compared_summary(app):
    """Every app notebook has a text/plain output nbval compares (not tagged to be ignored): the app rendered."""
    plain = [
        _text(out["data"]["text/plain"])
        for out in outputs(NOTEBOOKS_DIR / f"{app}.ipynb")
        if "text/plain" in out.get("data", {}) and "nbval-ignore-output" not in out["tags"]
    ]
    assert plain and all(sanitize(text) == text for text in plain), app


def test_workshop_notebooks_are_compared_as_committed():
    """No output of the participants' notebooks is an app page: nbval compares their outputs whole."""
    (app_page,) = [
        rx for rx, replace in get_sanitize_patterns(CONFIG.read_text(encoding="utf-8")) if "APP-PAGE" in replace
    ]
    notebooks = sorted((NOTEBOOKS_DIR / "workshop").rglob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        for out in outputs(path):
            for value in [out.get("text", ""), *out.get("data", {}).values()]:
                if isinstance(value, str | list):
                    assert not re.search(app_page, _text(value)), path
