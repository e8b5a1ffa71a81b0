"""Languages are data: a third language added from data files alone, with no code branch.

``tests/fixtures/third_language/`` holds Spanish as a trainer would add it: ``languages/es.toml`` (every field
of :class:`kit.language.Language`), a small gettext catalogue ``kit.po``, the Spanish columns and rows to add
to the shipped reference tables (``add_columns/``, ``add_rows/``) and a short report written for this test in
Spanish (``informe_es.md``). :func:`spanish_reference` builds a ``KIT_REFERENCE_DIR`` from them in a temporary
folder: the shipped tables with those columns and rows added (so a trainer's new row in a shipped table changes
nothing here), the language file, and the catalogue compiled with Babel.

The kit then runs in a fresh interpreter with ``KIT_REFERENCE_DIR`` set, as a trainer's room would, and reads the
report: meetings, speakers, statements, themes and mentions come out, and the briefing note, the handout, the
Overview app's HTML and a citation are written in Spanish without error. The checks are invariants of the
tables (every statement's words are in its paragraph, every State speaks in the paragraph that names it, every
theme's term is in its paragraph), not the exact output.

The other tests here check the loader itself: a language file missing a field, naming an unknown one, or holding
a broken pattern is refused with a message naming the file and the field.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from kit import language as kit_language
from kit.language import LANGUAGES, LanguageFileError, language_from_mapping, load_language
from kit.paths import SHIPPED_REFERENCE_DIR

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "third_language"
REPORT = FIXTURE / "informe_es.md"


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or ()), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header, restval="")
        writer.writeheader()
        writer.writerows(rows)


def spanish_reference(folder: Path) -> Path:
    """A reference folder that adds Spanish to the shipped tables, from the fixture's data files only."""
    folder.mkdir(parents=True, exist_ok=True)
    for add in sorted((FIXTURE / "add_columns").glob("*.csv")):  # new columns, by the table's key (first column)
        header, rows = _read(SHIPPED_REFERENCE_DIR / add.name)
        added_header, added = _read(add)
        key, by_key = added_header[0], {row[added_header[0]]: row for row in added}
        new = [c for c in added_header[1:] if c not in header]
        _write(
            folder / add.name,
            header + new,
            [{**row, **{c: by_key.get(row[key], {}).get(c, "") for c in new}} for row in rows],
        )
    for add in sorted((FIXTURE / "add_rows").glob("*.csv")):  # new rows (a theme keeps its English label)
        header, rows = _read(SHIPPED_REFERENCE_DIR / add.name)
        added_header, added = _read(add)
        labels = {row["theme"]: row["label"] for row in rows} if "label" in header else {}
        added = [{**({"label": labels.get(row.get("theme", ""), "")} if labels else {}), **row} for row in added]
        _write(folder / add.name, header + [c for c in added_header if c not in header], rows + added)
    (folder / "languages").mkdir(exist_ok=True)
    shutil.copy(FIXTURE / "languages" / "es.toml", folder / "languages" / "es.toml")
    catalogue = folder / "locale" / "es" / "LC_MESSAGES"
    catalogue.mkdir(parents=True, exist_ok=True)
    with open(FIXTURE / "kit.po", "rb") as f:
        messages = read_po(f, locale="es")
    with open(catalogue / "kit.mo", "wb") as f:
        write_mo(f, messages)
    return folder


# What the fresh interpreter does with the Spanish reference folder: read, render, and print what it found.
_SCRIPT = r"""
import json, sys
from kit import load_report
from kit.citation import cite
from kit.i18n import LANGUAGES, colon, format_date, language_names, translator
from kit.language import detect_language
from kit.teaching.handout import build_handout
from kit.teaching.note import build_note
from kit.views.overview import overview_app
from kit.views.data import app_report

path = sys.argv[1]
r = load_report(path)
note = build_note(r, lang="es")
out = {
    "kit_languages": list(LANGUAGES),
    "names": dict(language_names()),
    "detected": detect_language(" ".join(r.paragraphs["text"])),
    "metadata": {k: str(v) for k, v in r.metadata.items()},
    "paragraphs": r.paragraphs[["para", "text"]].to_dict("records"),
    "meetings": r.meetings[["meeting_id", "date", "format", "first_para", "last_para"]].astype(str).to_dict("records"),
    "speakers": r.speakers[["speaker_id", "name", "kind"]].to_dict("records"),
    "statements": r.statements[["para", "speaker_id", "speaker", "verb", "text"]].to_dict("records"),
    "themes": r.themes[["para", "theme", "label", "terms"]].to_dict("records"),
    "mentions": r.mentions[["para", "kind", "key", "surface"]].to_dict("records"),
    "note": note.to_markdown(),
    "handout": build_handout(r, lang="es"),
    "overview": overview_app(app_report(path, use_cache=False), lang="es")._repr_html_(),
    "cite": cite(r.report_id, [4, 5, 6], "es"),
    "date": format_date("2022-03-03", "es"),
    "key_messages": translator("es").gettext("Key messages"),
    "colon": colon("es"),
}
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def spanish(tmp_path_factory) -> dict:
    """What the kit reads and writes from the Spanish report, in a fresh interpreter given the Spanish data."""
    reference = spanish_reference(tmp_path_factory.mktemp("reference_es"))
    env = {
        **os.environ,
        "KIT_REFERENCE_DIR": str(reference),
        "PYTHONPATH": str(ROOT),
        "KIT_CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
    }
    env.pop("KIT_LANG", None)
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(REPORT)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def _verbs() -> set[str]:
    return {row["verb"] for row in _read(FIXTURE / "add_rows" / "reporting_verbs.csv")[1]}


def _state_names() -> dict[str, str]:
    return {row["iso3"]: row["es_name"] for row in _read(FIXTURE / "add_columns" / "member_states.csv")[1]}


def test_the_third_language_is_read_from_its_data_file(spanish):
    assert spanish["kit_languages"][:2] == ["en", "fr"] and "es" in spanish["kit_languages"]
    assert spanish["names"]["es"] == "Español"
    assert spanish["metadata"]["lang"] == "es" and spanish["detected"] == "es"
    assert spanish["metadata"]["period_start"] == "2022-01-01" and spanish["metadata"]["period_end"] == "2022-12-31"


def test_meetings_come_out_with_their_dates_and_format(spanish):
    texts = {p["para"]: p["text"] for p in spanish["paragraphs"]}
    meetings = spanish["meetings"]
    assert len(meetings) == 2
    for m in meetings:  # the first paragraph of each meeting says its date, as Spanish writes it
        first = texts[int(m["first_para"])]
        day = int(m["date"][8:10])
        assert re.search(rf"\b{day} de \w+ de {m['date'][:4]}\b", first), first
    assert [m["format"] for m in meetings].count("videoconference") == 1
    assert "videoconferencia" in texts[int(next(m for m in meetings if m["format"] == "videoconference")["first_para"])]


def test_every_statement_is_of_its_paragraph_and_speaker(spanish):
    texts = {p["para"]: p["text"] for p in spanish["paragraphs"]}
    states = _state_names()
    statements = spanish["statements"]
    assert {s["speaker_id"] for s in statements} >= {"MEX", "BRA", "IND", "JPN", "GHA"}
    for s in statements:
        assert s["text"] in texts[s["para"]]  # the statement's words are its paragraph's
        assert s["verb"] in _verbs() and s["verb"] in s["text"]  # a Spanish reporting verb of the table
        if s["speaker_id"] in states:  # a State speaks in the paragraph that names it, by its Spanish name
            assert states[s["speaker_id"]] in texts[s["para"]]
    kinds = {sp["speaker_id"]: sp["kind"] for sp in spanish["speakers"]}
    assert all(kinds[iso] == "member_state" for iso in states if iso in kinds)
    assert "chair" in kinds.values()


def test_themes_and_mentions_are_found_in_spanish(spanish):
    texts = {p["para"]: p["text"].lower() for p in spanish["paragraphs"]}
    added = {row["theme"]: row for row in _read(FIXTURE / "add_rows" / "themes.csv")[1]}
    themes = spanish["themes"]
    assert {t["theme"] for t in themes} >= {"safety_security", "poc"}
    for t in themes:
        for term in str(t["terms"]).split("|"):
            assert term in texts[t["para"]]  # the term that tagged the paragraph is in it
        assert t["label"] == added[t["theme"]]["label_es"]  # the label in the report's language
    keys = {(m["kind"], m["key"]) for m in spanish["mentions"]}
    assert {("mission", "MINUSCA"), ("mission", "UNMISS"), ("country", "SSD")} <= keys


def test_note_handout_app_and_citation_render_in_spanish(spanish):
    assert spanish["key_messages"] == "Mensajes clave" and spanish["colon"] == ":"
    assert spanish["date"] == "3 de marzo de 2022"
    assert re.fullmatch(r"informe_es, párrs\. 4-6", spanish["cite"]), spanish["cite"]
    note = spanish["note"]
    assert "## Mensajes clave" in note and "(párr. " in note and "México" in note
    for quote in re.findall(r"\*\*[^*]+\*\*[^:]*: (.+?) \(párr\. \d+\)", note):
        assert any(quote in p["text"] for p in spanish["paragraphs"])  # the note quotes the report's words
    handout = spanish["handout"]
    assert '<html lang="es">' in handout and "Traceback" not in handout
    assert re.search(r"Harold Agyeman, [^<(]+ de Ghana", handout)  # the chair's title, "of" as Spanish writes it
    assert "Sr. Agyeman" in handout and "videoconferencia" in handout  # honorific and format in Spanish
    overview = spanish["overview"]
    assert "Español" in overview and "México" in overview and "3 de marzo de 2022" in overview
    assert 'class="error"' not in overview  # the app opened the report (no error panel)


def test_no_module_branches_on_the_third_language():
    """The Spanish test needs no code: no module of the kit names its code."""
    code = re.compile(r"""['"]es['"]""")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "kit").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if code.search(line) and "``" not in line
    ]
    assert not offenders


# -------------------------------------------------------------------------------------------- the loader


def _english_fields() -> dict:
    return {name: getattr(LANGUAGES["en"], name) for name in kit_language._REQUIRED}


def test_a_language_file_lacking_a_field_is_refused_by_name(tmp_path):
    path = tmp_path / "xx.toml"
    path.write_text('code = "xx"\nmonths = ["a"]\n', encoding="utf-8")
    with pytest.raises(LanguageFileError, match=r"xx\.toml: missing fields: day"):
        load_language(path)
    assert "xx" not in LANGUAGES


def test_unknown_fields_and_broken_patterns_are_named():
    with pytest.raises(LanguageFileError, match="unknown fields: colour"):
        language_from_mapping({**_english_fields(), "code": "xx", "colour": "red"}, "xx.toml")
    with pytest.raises(LanguageFileError, match=r"xx\.toml: field rep_head is not a valid pattern"):
        language_from_mapping({**_english_fields(), "code": "xx", "rep_head": "(unclosed"}, "xx.toml")
    with pytest.raises(LanguageFileError, match="field item_prefix_required must be a bool"):
        language_from_mapping({**_english_fields(), "code": "xx", "item_prefix_required": "yes"}, "xx.toml")


def test_a_toml_file_broken_as_toml_is_refused_with_its_path(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("code = \n", encoding="utf-8")
    with pytest.raises(LanguageFileError, match="broken.toml"):
        load_language(path)


def test_a_broken_language_file_is_named_and_left_out_and_the_kit_runs(tmp_path):
    """A trainer's language file that cannot define a language: every command still runs in English and French,
    and a warning names the file and what is wrong."""
    (tmp_path / "languages").mkdir()
    (tmp_path / "languages" / "xx.toml").write_text('code = "xx"\nname = "Broken"\n', encoding="utf-8")
    env = {**os.environ, "KIT_REFERENCE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "kit.cli", "validate"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "xx.toml: missing fields" in done.stderr and "left out" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_spanish_file_defines_every_field_and_its_dates(tmp_path):
    """The fixture's language file, read in this process without registering it: its dates and "of" forms."""
    import tomllib

    es = language_from_mapping(
        tomllib.loads((FIXTURE / "languages" / "es.toml").read_text(encoding="utf-8")), "es.toml"
    )
    assert re.fullmatch(es.date, "14 de junio de 2022") and es.month_number("Junio") == 6
    assert es.of_phrase("el", "Brasil") == "del Brasil" and es.of_phrase("", "México") == "de México"
    assert not es.source and es.name_column == "es_name"
