"""Shared fixtures: the bundled report, and small synthetic reports of the same kind."""

from __future__ import annotations

import functools
import os
import re
import shutil
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import settings

from kit import load_report
from kit.testing import CHROMIUM, CHROMIUM_ARGS

SYNTHETIC = """\
**Security Council**

Distr.: General
15 January 2023

**Report on the activities of the Security Council Working Group on Peacekeeping Operations for the period from 1 January to 31 December 2022**

**I. Organizational matters**

1. The Permanent Representative of Ghana to the United Nations, Harold Agyeman, was elected Chair of the Working Group.

**II. Missions in transition**

2. On 3 March 2022, the Working Group held a meeting on transitions.
3. Briefers included the Under-Secretary-General for Peace Operations, Jean-Pierre Lacroix, and the Police Commissioner of UNMISS, Christine Fossen.
4. Opening the meeting, Mr. Agyeman said that transitions needed planning by peacekeepers and host States.
5. Mr. Lacroix stressed that the United Nations Peacekeeping Force in Cyprus and the United Nations Interim Force in Lebanon (UNIFIL) remained vital, in line with Security Council resolution 2594 (2021).
6. The second point was the protection of civilians in Abyei.
7. The representatives of Bosnia and Herzegovina, Trinidad and Tobago, Saint Vincent and the Grenadines and the Bolivarian Republic of Venezuela emphasized the need for training.
8. The representative of the United Kingdom of Great Britain and Northern Ireland said that the United Kingdom would support MINUSCA. Likewise, the representative of Côte d'Ivoire noted that COVID-19 vaccines mattered.
9. The representative of Türkiye, echoed by the representative of Viet Nam, called for more women peacekeepers, together with Brazil and Rwanda, and commended the authorities of the Democratic Republic of the Congo.
10. Similarly, the representatives of the Lao People's Democratic Republic and the Democratic Republic of the Congo welcomed General Assembly resolution 75/250 and S/PRST/2001/3.

**III. Conclusion**

11. The Chair of the Working Group recommended that such meetings continue.
"""


#: The slow families (``pyproject.toml`` declares the markers). A test gets a family's marker from its file
#: (every test of the file, new ones too) or from a fixture it uses; every family also marks it ``slow``, so
#: ``pytest -m "not slow"`` is the developers' fast lane (CONTRIBUTING.md). The full run (the README's command,
#: CI) runs them all.
SLOW_FILES: dict[str, tuple[str, ...]] = {
    "test_browser.py": ("browser",),
    "test_workshop.py": ("workshop", "browser"),
    "test_wheel.py": ("wheel", "network"),
    "test_pdf.py": ("office",),  # Chromium and LibreOffice print the report to PDF
}
SLOW_FIXTURES: dict[str, tuple[str, ...]] = {
    "browser": ("browser",),  # the session's Chromium
    "room": (),  # a kit serve for the module (tests/test_serve.py)
    "voila_server": (),
    "binder_env": ("network",),
    "site": (),  # builds a whole site: the static site (tests/test_site.py), the docs (mkdocs, tests/test_tooling.py)
}
#: Single tests that start servers, kernels or notebooks, by name (their files are otherwise fast): a name
#: alone takes every parametrization of the test, a name with its parameters (``test_x[fr]``) that one.
SLOW_TESTS: dict[str, tuple[str, ...]] = {
    "test_solutions_pass_every_check_when_run": ("notebooks",),  # executes every solutions notebook
    "test_every_app_kernel_stays_free_of_pandas_plotly_and_docx": (),  # starts a kernel per app
    "test_sigterm_stops_voila_and_its_kernels_and_keeps_the_terminal_quiet": (),  # kit serve and Voila
    "test_room_full_answers_503_and_keeps_serving": (),  # Voila
    "test_missing_report_is_named": (),  # kit serve in a new process
    "test_busy_port_fails_clearly_before_voila_starts": (),  # kit serve in a new process
    "test_serve_prints_the_room_address_and_serves_the_folder": (),  # kit site --serve in a new process
    "test_pdf_is_a4_when_libreoffice_is_there": ("office",),  # LibreOffice prints the report
    "test_the_app_kernel_makes_a_theme_note_without_pandas": (),  # two kernel-like processes, a cache warmed
    # heavy repeats of what a lighter test of the fast lane checks: run in full only in the full run
    "test_every_theme_of_the_corpus_gives_a_note_true_to_its_documents[fr]": (),  # [en] stays in the fast lane
    "test_the_cut_prefers_asks_that_name_whom_they_ask": (),  # every meeting, language, limit; fast: its property
    "test_a_french_verb_added_to_the_table_is_read": (),  # two gazetteers from copies; fast: the third language
    # the participant simulation: each workshop notebook run top to bottom in a fresh kernel
    "test_a_room_runs_the_notebook_as_shipped": ("notebooks",),
    "test_the_simulation_would_catch_a_missing_import": ("notebooks",),
}
SLOW_FAMILIES = ("browser", "notebooks", "wheel", "network", "office", "workshop")


#: Hypothesis profiles: ``ci`` for the full run (the README's command, CI), ``dev`` for the fast lane. A profile's
#: ``max_examples`` is what a property test without its own count gets; a test that sets its count writes it as
#: ``examples(n)``: ``n`` under ``ci`` (the counts the tests were written with) and a fifth under ``dev``.
settings.register_profile("ci", max_examples=100)  # hypothesis's own default: the full run keeps every count
settings.register_profile("dev", max_examples=20)
FULL_EXAMPLES = 100


def hypothesis_profile(config: pytest.Config, environ: Mapping[str, str] = os.environ) -> str:
    """The hypothesis profile of this run: ``--hypothesis-profile`` if given; else ``ci`` under CI (``CI`` set);
    else ``dev`` for the fast lane (a ``-m`` expression that leaves out ``slow``); else ``ci``.

    >>> class Config:  # what the function reads of pytest's configuration
    ...     def __init__(self, markexpr, profile=None):
    ...         self.options = {"--hypothesis-profile": profile, "markexpr": markexpr}
    ...
    ...     def getoption(self, name):
    ...         return self.options[name]
    >>> [hypothesis_profile(Config(m), environ={}) for m in ("not slow", "not slow and not network", "", "slow")]
    ['dev', 'dev', 'ci', 'ci']
    >>> hypothesis_profile(Config("not slow"), environ={"CI": "true"})
    'ci'
    >>> hypothesis_profile(Config("not slow", profile="ci"), environ={})
    'ci'
    """
    chosen = config.getoption("--hypothesis-profile")
    if chosen:
        return chosen
    if environ.get("CI"):
        return "ci"
    return "dev" if re.search(r"\bnot\s+slow\b", config.getoption("markexpr") or "") else "ci"


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile(hypothesis_profile(config))


def pytest_report_header(config: pytest.Config) -> str:
    return f"hypothesis profile {settings.get_current_profile_name()!r} (tests/conftest.py)"


def examples(n: int, profile: str | None = None) -> int:
    """The examples a property test written for ``n`` runs under ``profile`` (the loaded one by default): ``n``
    under ``ci``, a fifth under ``dev`` (at least 2). Where a test sets its count, it writes
    ``settings(max_examples=examples(40), ...)``.

    >>> examples(40, "ci"), examples(40, "dev"), examples(8, "dev")
    (40, 8, 2)
    """
    base = settings.get_profile(profile) if profile else settings.default
    return max(2, round(n * base.max_examples / FULL_EXAMPLES))


def pytest_collection_modifyitems(config, items):
    """Mark the slow families by file, fixture and kind of item (nbval's notebook cells get ``notebooks``)."""
    for item in items:
        path = Path(str(item.fspath))
        names = set(SLOW_FILES.get(path.name, ()))
        # a test by its name (every parametrization) or by its name and parameters (that one only)
        listed = [n for n in (getattr(item, "originalname", item.name), item.name) if n in SLOW_TESTS]
        for name in listed:
            names.update(SLOW_TESTS[name])
        slow = path.name in SLOW_FILES or bool(listed)
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in SLOW_FIXTURES:
                names.update(SLOW_FIXTURES[fixture])
                slow = True
        if path.suffix == ".ipynb":
            names.add("notebooks")
        for name in sorted(names):
            item.add_marker(name)
        if slow or any(item.get_closest_marker(name) for name in SLOW_FAMILIES):
            item.add_marker("slow")


def need(reason: str) -> NoReturn:
    """Skip a test that lacks ``reason`` on a laptop; under CI (``CI`` set) that is a failure, never a skip.

    The one definition of that rule: :func:`need_tool` and :func:`need_module` use it, and no test calls
    ``pytest.importorskip`` (which skips under CI too).
    """
    if os.environ.get("CI"):
        pytest.fail(f"this test needs {reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(f"this test needs {reason}")


def need_tool(name: str, install: str = "") -> str:
    """The path of the command ``name``; without it, :func:`need` (skip on a laptop, fail under CI)."""
    path = shutil.which(name)
    if not path:
        need(f"the command {name}" + (f" ({install})" if install else ""))
    return path


def need_module(name: str, install: str = ""):
    """The module ``name`` imported; without it, :func:`need` (``pytest.importorskip`` that fails under CI)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        need(f"the Python module {name}" + (f" ({install})" if install else " (pip install -e '.[test]')"))


def chromium_path() -> str:
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not path:
        need(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the session.

    Playwright's sync API allows one instance per process at a time, so the browser tests of every module
    share this one (each opens its own context).
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need("the playwright Python package")
    executable = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@functools.cache
def note_validator():
    """The validator of the briefing note's JSON Schema (:func:`kit.teaching.note.json_schema`), made once.

    ``jsonschema.validate(data, schema)`` checks the schema itself against its meta-schema on every call, which costs
    more than checking the note; the notes' invariant checks call this validator, whose schema was checked once.

    >>> note_validator().is_valid({"lang": "en"})
    False
    """
    import jsonschema

    from kit.teaching.note import json_schema

    schema = json_schema()
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


@pytest.fixture(scope="session")
def report():
    return load_report()


@pytest.fixture()
def synthetic_text() -> str:
    return SYNTHETIC


def as_pdf_text(markdown: str, width: int = 70, symbol: str = "S/2023/42") -> str:
    """The markdown report as plain text extracted from a PDF would look:
    hard-wrapped lines, running header and footer on every page, page breaks
    in mid-paragraph and a word hyphenated at a line end."""
    lines: list[str] = []
    plain = re.sub(r"\*+|^#+ |^---$", "", markdown, flags=re.M).replace("\\(", "(").replace("\\)", ")")
    plain = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", plain).replace("\\$", "$")
    for block in plain.split("\n"):
        if not block.strip():
            lines.append("")
            continue
        indent = "     " if block[:3].strip().rstrip(".").isdigit() else ""
        lines += textwrap.wrap(block, width, initial_indent=indent, subsequent_indent="") or [""]
    pages, page, out = [], [], []
    for line in lines:
        page.append(line)
        if len(page) == 12:
            pages.append(page)
            page = []
    pages.append(page)
    for n, pg in enumerate(pages, start=1):
        out += [symbol, ""] + pg + ["", f"{n}/{len(pages)}", "23-00123", "\f"]
    text = "\n".join(out)
    return text.replace("peacekeepers", "peace-\nkeepers", 1)


def long_report(n: int, per_meeting: int = 25) -> str:
    """A generated report of ``n`` numbered paragraphs: a meeting every ``per_meeting`` paragraphs, each
    opened by the chair, with a briefer introduced by title and name who then speaks by honorific and
    surname, statements by one to three Member States (rotating through the reference table) and an
    unattributed paragraph now and then that continues the statement before it. The tests and
    ``benchmarks/parse_benchmark.py`` use it."""
    from kit.gazetteer import load_gazetteer

    states = [r for r in load_gazetteer().state_rows if r["status"] == "member"]
    verbs = ["said", "noted", "stressed", "emphasized", "called for", "underscored", "welcomed"]
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]

    def surname(i: int) -> str:  # one new briefer per meeting: "Kalondo", "Lomindo", ...
        syllables = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "do")
        return "".join(syllables[int(c)] for c in str(i)).title() + "ndo"

    def name(row: dict) -> str:
        running = row["running_names"].split("|")[0]
        return f"the {running}" if row["article"] == "the" else running

    out = [
        "**Security Council**",
        "",
        "**Report of the Working Group on Peacekeeping Operations**",
        "",
        "**I. Meetings**",
        "",
    ]
    meeting = 0
    for p in range(1, n + 1):
        k = (p - 1) % per_meeting
        if k == 0:
            meeting += 1
            day = f"{meeting % 28 + 1} {months[(meeting // 28) % 12]} {2000 + meeting // 336}"
            out.append(f"{p}. On {day}, the Working Group held a meeting by videoconference on item {p}.")
        elif k == 1:
            out.append(f"{p}. The Chair of the Working Group said that the meeting on item {p - 1} mattered.")
        elif k == 2:
            out.append(f"{p}. Briefers included the Director of the Division for Item {p}, Anna {surname(meeting)}.")
        elif k == 3:
            out.append(f"{p}. Ms. {surname(meeting)} noted that the training of peacekeepers mattered.")
        elif k % 7 == 0:
            out.append(f"{p}. The discussion of item {p} continued on training and the protection of civilians.")
        else:
            picked = [states[(p * 7 + i * 31) % len(states)] for i in range(1 + p % 3)]
            names = [name(r) for r in picked]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            noun = "representatives" if len(picked) > 1 else "representative"
            out.append(f"{p}. The {noun} of {joined} {verbs[p % len(verbs)]} the need for training in Mali (item {p}).")
        out.append("")
    return "\n".join(out)


@pytest.fixture()
def english_by_default(monkeypatch):
    """No KIT_LANG and no language set in this process, before and after the test (the kit then speaks English)."""
    from kit.i18n import set_language

    monkeypatch.delenv("KIT_LANG", raising=False)
    set_language(None)
    yield
    set_language(None)
