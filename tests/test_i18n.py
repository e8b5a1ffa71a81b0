"""The kit's languages: catalogues complete and compiled, language tags, Babel dates and numbers, citations.

The catalogue test extracts every marked message from the source with Babel's own extractor and the kit's mapping
(``kit/locale/babel.cfg``), so a message added to the code without its French translation fails here.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from kit.citation import cite, cite_paras
from kit.i18n import (
    LANGUAGES,
    and_list,
    colon,
    format_date,
    format_number,
    get_language,
    normalize,
    set_language,
    translator,
)

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "kit" / "locale"
PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)s")


def _source_messages() -> dict:
    """msgid -> places, extracted from the kit's source with the kit's Babel mapping."""
    with open(LOCALE / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT / "kit"), method_map, options_map, comment_tags=("TRANSLATORS:",)
    ):
        found.setdefault(message, []).append(f"kit/{filename}:{lineno}")
    return found


def catalogue_problems(catalog, messages: dict) -> list[str]:
    """What is wrong with ``catalog`` for these extracted messages: missing, untranslated, fuzzy, placeholders
    that differ, and entries no source uses any more."""
    problems = []
    for message, where in messages.items():
        key = message if isinstance(message, str) else message[0]
        entry = catalog.get(key)
        if entry is None:
            problems.append(f"missing: {key!r} ({where[0]})")
            continue
        if not isinstance(message, str) and isinstance(entry.id, str):  # ngettext finds no plural forms there
            problems.append(f"not a plural entry: {key!r} ({where[0]})")
            continue
        strings = entry.string if isinstance(entry.string, (list, tuple)) else [entry.string]
        if entry.fuzzy or not all(s for s in strings):
            problems.append(f"untranslated: {key!r} ({where[0]})")
            continue
        ids = [message] if isinstance(message, str) else list(message)
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for s in strings:
            if set(PLACEHOLDER.findall(s)) != wanted:
                problems.append(f"placeholders differ: {key!r} -> {s!r}")
    keys = {m if isinstance(m, str) else m[0] for m in messages}
    problems += [
        f"stale (no longer in the source): {m.id!r}"
        for m in catalog
        if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in keys
    ]
    return problems


@pytest.fixture(scope="module")
def messages():
    return _source_messages()


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_every_message_of_the_source_is_translated(messages, lang):
    with open(LOCALE / lang / "LC_MESSAGES" / "kit.po", "rb") as f:
        catalog = read_po(f)
    assert len(messages) > 100  # the extraction found the kit's messages
    assert catalogue_problems(catalog, messages) == []


def test_the_catalogue_check_fails_on_a_missing_or_broken_entry(messages):
    with open(LOCALE / "fr" / "LC_MESSAGES" / "kit.po", "rb") as f:
        catalog = read_po(f)
    some = next(m for m in messages if isinstance(m, str) and "{got}" in m)
    catalog.get(some).string = catalog.get(some).string.replace("{got}", "{obtenu}")
    other = next(m for m in messages if isinstance(m, str) and m != some)
    catalog.delete(other)
    problems = catalogue_problems(catalog, messages)
    assert any(p.startswith("missing:") and repr(other) in p for p in problems)
    assert any(p.startswith("placeholders differ:") and repr(some) in p for p in problems)
    added = catalogue_problems(catalog, {**messages, "A message nobody translated": ["x.py:1"]})
    assert any(p.startswith("missing:") and "nobody translated" in p for p in added)


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_the_compiled_catalogue_is_the_po_file(lang):
    """The committed .mo says exactly what the .po says (run ``pybabel compile`` after editing the .po)."""
    folder = LOCALE / lang / "LC_MESSAGES"
    with open(folder / "kit.po", "rb") as f:
        catalog = read_po(f)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    fresh = gettext.GNUTranslations(buf)
    with open(folder / "kit.mo", "rb") as f:
        committed = gettext.GNUTranslations(f)

    def messages(t):  # the translations themselves, without the header entry (it carries dates)
        return {k: v for k, v in t._catalog.items() if k != ""}  # the catalogue itself: gettext has no public accessor

    assert messages(committed) == messages(fresh)
    assert committed.plural(1) == fresh.plural(1) and committed.plural(2) == fresh.plural(2)


def test_no_message_is_marked_inside_an_f_string():
    """Babel's extractor does not look inside f-strings: a message marked there is never in the catalogue, and
    shows in English whatever the language. (The apps and the landing page; kit/teaching has two such calls
    whose messages happen to be extracted from other lines.)"""
    import tokenize

    call = re.compile(r"\b(_|gettext|ngettext|N_)\(\s*['\"]")
    found = []
    for path in sorted([*(ROOT / "kit" / "views").rglob("*.py"), ROOT / "kit" / "voila_app.py"]):
        with open(path, "rb") as f:
            for tok in tokenize.tokenize(f.readline):
                prefix = re.match(r"[A-Za-z]*", tok.string).group(0).lower() if tok.type == tokenize.STRING else ""
                if "f" in prefix and call.search(tok.string):
                    found.append(f"{path.relative_to(ROOT)}:{tok.start[0]}")
    assert found == []


def test_language_tags_are_normalised():
    assert [normalize(x) for x in ("fr", "fr-FR", "fr_CA", "FR", "fr_FR.UTF-8", "en-GB", "de", "zz", "")] == [
        "fr",
        "fr",
        "fr",
        "fr",
        "fr",
        "en",
        "en",
        "en",
        get_language(),
    ]
    assert isinstance(translator("xx"), gettext.NullTranslations)
    assert translator("fr-BE") is translator("fr")


def test_the_default_language_follows_set_language_and_the_environment(monkeypatch):
    monkeypatch.delenv("KIT_LANG", raising=False)
    try:
        assert set_language(None) == "en"
        monkeypatch.setenv("KIT_LANG", "fr_FR")
        assert get_language() == "fr"
        set_language("en")
        assert get_language() == "en"
    finally:
        set_language(None)


def test_french_dates_and_numbers_come_from_babel():
    from babel.dates import format_date as babel_date
    from babel.numbers import format_decimal

    assert format_date("2021-04-13", "fr") == "13 avril 2021"
    assert format_date(dt.datetime(2021, 12, 1, 10, 0), "fr") == "1er décembre 2021"
    assert format_date(dt.date(2021, 8, 3), "fr-FR") == babel_date(dt.date(2021, 8, 3), "d MMMM y", locale="fr")
    assert format_date(None, "fr") == "" and format_date(float("nan"), "fr") == ""
    assert format_number(1000, "fr") == "1\u202f000" == format_decimal(1000, locale="fr")
    assert format_number(1234567, "en") == "1,234,567"


@given(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_the_english_dates_need_no_babel_but_say_what_babel_says(day):
    from babel.dates import format_date as babel_date

    assert format_date(day) == babel_date(day, "d MMMM y", locale="en")
    assert format_date(day.isoformat(), "fr").endswith(str(day.year))


def test_citations_and_lists_in_french():
    assert cite("S/2021/1086", [27, 26, 28, 31], lang="fr") == "S/2021/1086, par. 26 à 28, 31"
    assert cite_paras([5], lang="fr") == "(par. 5)"
    assert cite("S/2021/1086", [27, 26, 28, 31]) == "S/2021/1086, paras. 26-28, 31"
    assert and_list(["Chine", "Inde", "Maroc"], "fr") == "Chine, Inde et Maroc"
    assert colon("fr") == "\u00a0:" and colon("en") == ":"


def test_import_kit_does_not_import_babel():
    import subprocess
    import sys

    code = (
        "import sys, kit, kit.i18n, kit.display, kit.citation; kit.i18n.translator('fr').gettext('x'); "
        "print('babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_french_material_shows_no_english_message_of_the_catalogue(messages):
    """What the French note, handout and notebooks show is translated where it is shown (a marked message that is
    shown untranslated would leave its English here)."""
    import json

    from kit import load_report
    from kit.teaching.handout import build_handout
    from kit.teaching.note import build_note

    r = load_report()
    report_text = " ".join(r.paragraphs["text"])
    tr = translator("fr")
    english = set()
    for message in messages:
        for text in [message] if isinstance(message, str) else message:
            fixed = max(re.split(r"\{\w*\}|%\(\w+\)s", text.strip("\n")), key=len).strip()
            if len(fixed) >= 12 and fixed not in report_text and fixed not in tr.gettext(text):
                english.add(fixed)
    assert len(english) > 100
    shown = {
        "handout": build_handout(r, lang="fr").replace("&#39;", "'"),
        "note": build_note(r, lang="fr", max_words=None).to_markdown().replace("\\", ""),
    }
    for p in sorted((ROOT / "notebooks" / "workshop" / "fr").glob("*.ipynb")):
        nb = json.loads(p.read_text(encoding="utf-8"))
        shown[p.name] = "\n".join(
            "".join(c["source"]) + "".join("".join(o.get("text", "")) for o in c.get("outputs", []))
            for c in nb["cells"]
        )
    for name, text in shown.items():
        left = sorted(e for e in english if e in text)
        assert not left, (name, left[:5])
