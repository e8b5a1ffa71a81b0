"""The briefing note on one theme across documents (:mod:`kit.teaching.theme_note`), in both languages.

Invariants over a generated corpus (summary records and meetings coverage, English and French,
``tests/generators_kinds.py``) with the bundled report beside them (several meetings in one document): every
quote is a whole sentence of the paragraph it cites, in the document it names, said by the speakers it names;
every cited paragraph holds the theme; every document with the theme is quoted or listed as cut; the positions
run in date order; an unknown theme is a kit error listing the themes. Then the command line end to end.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from kit import load_corpus, load_report
from kit.citation import cite
from kit.report import DEFAULT_REPORT
from kit.sentences import sentence_spans
from kit.teaching.note import MAX_WORDS, QUOTED_KINDS, NoteError, json_schema, note_tables
from kit.teaching.theme_note import documents_with_theme, theme_note

from .conftest import note_validator
from .generators_kinds import write_corpus


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("theme") / "records"
    folder.mkdir()
    write_corpus(folder, 4, "summary_record", seed=11, n_paras=14)
    write_corpus(folder, 4, "meetings_coverage", seed=61, n_paras=14)
    shutil.copy(DEFAULT_REPORT, folder / "wgpko-2021.md")
    return folder


@pytest.fixture(scope="module")
def corpus(folder):
    return load_corpus(folder)


@pytest.fixture(scope="module")
def rows(corpus):
    return note_tables(corpus)


def _themes(rows) -> list[str]:
    return sorted({t["theme"] for t in rows.themes})


def _para_dates(rows) -> dict[tuple, str]:
    """(report_id, para) -> the date of its meeting (ISO), for the paragraphs of a dated meeting."""
    meeting_date = {(m["report_id"], m["meeting_id"]): m["date"] for m in rows.meetings if m.get("date")}
    return {
        (p["report_id"], p["para"]): str(meeting_date[(p["report_id"], p.get("meeting_id"))])[:10]
        for p in rows.paragraphs
        if (p["report_id"], p.get("meeting_id")) in meeting_date
    }


def check_theme_note(note, rows, theme: str) -> None:
    """The invariants of a note on ``theme`` across the documents of ``rows``."""
    data = note.to_dict()
    note_validator().validate(data)  # the note's JSON Schema (the schema itself checked once)
    assert json.loads(note.to_json()) == data
    texts = rows.texts
    on_theme = {(t["report_id"], t["para"]) for t in rows.themes if t["theme"] == theme}
    labels = rows.labels
    dates = {d["report_id"]: d["date"] for d in note.heading["documents"]}
    for item in note.items:
        if item.kind == "to_fill":  # the officer's own words go there; its supports are quotes of the note
            assert all(ref.get("report_id") in labels for ref in item.supports)
            continue
        if item.kind == "see_annex":  # counts what the annex lists, cites nothing itself
            assert not item.paras and item.text in note.to_markdown().replace("\\", "")
            continue
        assert item.report_id in labels and item.document == labels[item.report_id], item
        # every cited paragraph of a document holds the theme
        assert all((item.report_id, p) in on_theme for p in item.paras), (item.report_id, item.paras)
        if item.kind not in QUOTED_KINDS:
            continue
        text = texts[(item.report_id, item.paras[0])]
        a, b = item.start, item.start + len(item.text)
        # a whole sentence of its paragraph, word for word
        assert text[a:b] == item.text and (a, b) in sentence_spans(text), (item.document, item.paras[0], item.text)
        # its speakers speak in that paragraph of that document
        said = {
            s["speaker_id"] for s in rows.statements if s["report_id"] == item.report_id and s["para"] == item.paras[0]
        }
        assert set(item.speaker_ids) <= said, (item.document, item.paras[0], item.speaker_ids)
        assert len(item.speaker_ids) >= 1 or item.kind == "figure"
    # every document with the theme is quoted (and cited under Citations), or listed in the annex with its
    # paragraphs on the theme; the Citations count what the annex lists
    holding = {rid for rid, _p in on_theme}
    quoted = {i.report_id for i in note.items if i.quote}
    keys = [s.key for s in note.sections]
    annex = note.section("annex").items if "annex" in keys else []
    listed = {i.report_id for i in annex}
    assert holding == {d["report_id"] for d in note.heading["documents"]}
    assert holding <= quoted | listed, holding - quoted - listed
    assert {i.report_id for i in note.section("citations").items if i.kind == "citation"} == quoted
    assert all(i.kind == "not_quoted" for i in annex) and keys[-1 - bool(annex)] == "citations"
    counts = [i for i in note.section("citations").items if i.kind == "see_annex"]
    assert len(counts) == bool(annex)
    if annex:
        n_paras = len({(i.report_id, p) for i in annex if not i.figures for p in i.paras})
        n_figures = sum(len(i.figures) for i in annex)
        assert re.search(rf"\b{n_paras}\b", counts[0].text) or not n_paras, counts[0].text
        assert re.search(rf"\b{n_figures}\b", counts[0].text) or not n_figures, counts[0].text
    # every paragraph on the theme is cited as quoted, or listed in the annex as not quoted
    cited = {(i.report_id, p) for i in [*note.section("citations").items, *annex] for p in i.paras}
    assert cited == on_theme
    # the two pages (the words the limit counts) stop before the annex, which every rendering puts after them
    if annex:
        md = note.to_markdown()
        assert note.words() == len(md[: md.index(f"\n---\n\n## {note.section('annex').title}")].split())
        assert 'class="annex"' in note.to_html()
        with zipfile.ZipFile(io.BytesIO(note.docx_bytes())) as z:  # Word: the annex starts on a new page
            xml = z.read("word/document.xml").decode("utf-8")
        title = html.escape(note.section("annex").title, quote=False)
        assert xml.index('w:type="page"') < xml.index(title) and xml.count('w:type="page"') == 1
    # positions run document by document, meeting by meeting, in date order
    positions = note.section("positions").items
    groups = list(dict.fromkeys(i.group for i in positions))
    assert [g for g in (i.group for i in positions)] == sorted((i.group for i in positions), key=groups.index)
    order = [_para_dates(rows).get((i.report_id, i.paras[0])) or dates[i.report_id] or "" for i in positions]
    assert order == sorted(order)
    # every rendering cites the quote with its document's symbol
    md = re.sub(r"\\(.)", r"\1", note.to_markdown()).replace("**", "")
    page = re.sub(r"</?strong[^>]*>", "", note.to_html()).replace("&#39;", "'").replace("&#34;", '"')
    for item in note.items:
        if item.quote and not item.see:
            where = f"({cite(item.document, item.paras[:1], note.lang)})"
            assert f"{item.text} {where}" in md or (item.own and where in md), (item.text, where)
            assert html.escape(item.text, quote=False) in page


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_theme_of_the_corpus_gives_a_note_true_to_its_documents(corpus, rows, lang):
    themes = _themes(rows)
    assert len(themes) >= 3
    for theme in themes:
        note = theme_note(corpus, theme, lang=lang)
        check_theme_note(note, rows, theme)
        assert note.lang == lang and note.filters["themes"] == [theme]
        assert note.words() <= MAX_WORDS


def test_the_uncut_note_quotes_every_document(corpus, rows):
    theme = max(_themes(rows), key=lambda th: len({t["report_id"] for t in rows.themes if t["theme"] == th}))
    note = theme_note(corpus, theme, max_words=None)
    check_theme_note(note, rows, theme)
    docs = {t["report_id"] for t in rows.themes if t["theme"] == theme}
    assert len(docs) >= 3 and {i.report_id for i in note.items if i.quote} == docs


def test_a_short_limit_cuts_documents_and_lists_them(corpus, rows):
    theme = max(_themes(rows), key=lambda th: len({t["report_id"] for t in rows.themes if t["theme"] == th}))
    full = theme_note(corpus, theme, max_words=None)
    short = theme_note(corpus, theme, max_words=250)
    check_theme_note(short, rows, theme)
    assert len([i for i in short.items if i.quote]) < len([i for i in full.items if i.quote])
    cut = {i.report_id for i in full.items if i.quote} - {i.report_id for i in short.items if i.quote}
    listed = {i.report_id for i in short.section("annex").items if i.kind == "not_quoted"}
    assert cut <= listed


def test_the_note_reads_the_plain_rows_of_the_apps_as_the_corpus(corpus, rows):
    theme = _themes(rows)[0]
    assert theme_note(rows, theme).to_dict() == theme_note(corpus, theme).to_dict()


def test_one_report_gives_its_meetings_in_date_order():
    r = load_report()
    note = theme_note(r, "COVID-19 and health")
    check_theme_note(note, note_tables(r), "covid19")
    meetings = sorted(r.meetings["date"].astype(str))
    groups = list(dict.fromkeys(i.group for i in note.section("positions").items))
    assert len(groups) == 2 and all(g for g in groups)
    assert note.heading["period"] == [meetings[0][:10], meetings[-1][:10]]
    # the officer's summary is asked of the theme across the documents, not of one meeting
    assert "the documents say on the theme" in note.section("summary").items[0].text


def test_since_and_until_keep_the_meetings_of_those_days(corpus, rows):
    theme = max(_themes(rows), key=lambda th: len({t["report_id"] for t in rows.themes if t["theme"] == th}))
    docs = documents_with_theme(corpus, theme)
    dated = sorted(d["date"] for d in docs if d["date"])
    since, until = dated[1], dated[-2]
    note = theme_note(corpus, theme, since=since, until=until)
    kept = {d["report_id"] for d in note.heading["documents"]}
    assert kept and kept < {d["report_id"] for d in docs}
    para_date = _para_dates(rows)
    for item in note.items:
        if item.quote:
            assert since <= para_date[(item.report_id, item.paras[0])] <= until
    assert note.filters["since"] == since and note.heading["period"][0] >= since
    with pytest.raises(NoteError, match="2999"):
        theme_note(corpus, theme, since="2999-01-01")
    with pytest.raises(NoteError, match="not a date"):
        theme_note(corpus, theme, since="last year")


@pytest.mark.slow
@pytest.mark.parametrize("size", [5, 40, 120])
def test_the_note_fits_two_pages_whatever_the_folder_size(tmp_path, size):
    """At every size the counted words stay within the limit in both languages, and every document with the
    theme is quoted or listed in the annex (``check_theme_note``); past a few documents something is left out,
    and the annex holds it."""
    write_corpus(tmp_path, size - size // 2, "summary_record", seed=3 * size, n_paras=20)
    write_corpus(tmp_path, size // 2, "meetings_coverage", seed=7000 + size, n_paras=20)
    rows = note_tables(load_corpus(tmp_path))
    holders: dict[str, set] = {}
    for t in rows.themes:
        holders.setdefault(t["theme"], set()).add(t["report_id"])
    theme = max(sorted(holders), key=lambda th: len(holders[th]))
    assert len(holders[theme]) >= size * 3 // 4
    for lang in ("en", "fr"):
        note = theme_note(rows, theme, lang=lang)
        check_theme_note(note, rows, theme)
        assert note.words() <= MAX_WORDS, (size, lang, note.words())
        quoted = {i.report_id for i in note.items if i.quote}
        assert quoted, (size, lang)  # the two pages still quote the debate
        if size >= 40:
            assert note.section("annex").items and len(quoted) < len(holders[theme])


@pytest.mark.parametrize("lang, words", [("en", "unknown theme"), ("fr", "thème inconnu")])
def test_an_unknown_theme_is_a_kit_error_listing_the_themes(corpus, rows, lang, words):
    with pytest.raises(NoteError) as info:
        theme_note(corpus, "no-such-theme", lang=lang)
    message = str(info.value)
    assert words in message and "no-such-theme" in message
    assert all(f"({th})" in message for th in _themes(rows))


def test_a_theme_is_found_by_its_label_in_either_language(corpus):
    assert theme_note(corpus, "Protection des civils").filters["themes"] == ["poc"]
    assert theme_note(corpus, "protection of civilians", lang="fr").filters["themes"] == ["poc"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_format_says_what_the_note_says(corpus, rows, lang):
    theme = _themes(rows)[0]
    note = theme_note(corpus, theme, lang=lang)
    from docx import Document

    word = "\n".join(p.text for p in Document(io.BytesIO(note.docx_bytes())).paragraphs)
    page = note.to_html().replace("&#39;", "'")
    assert note.title in word and note.title in page and note.title in note.to_markdown()
    for item in note.items:
        if item.quote and not item.see:
            assert item.text in word
            assert cite(item.document, item.paras[:1], lang) in word


# ------------------------------------------------------------------ the command line


def test_kit_note_on_a_folder_writes_every_format(folder, rows, tmp_path, capsys):
    import jsonschema

    from kit.cli import main

    theme = _themes(rows)[0]
    for suffix in ("md", "html", "docx", "json"):
        out = tmp_path / f"note.{suffix}"
        assert main(["note", str(folder), "--theme", theme, "--out", str(out)]) == 0
        assert out.stat().st_size > 0 and str(out) in capsys.readouterr().out
    data = json.loads((tmp_path / "note.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema())
    assert data["filters"]["themes"] == [theme]
    md = (tmp_path / "note.md").read_text(encoding="utf-8")
    for doc in data["heading"]["documents"]:
        assert doc["label"] in md
    assert main(["note", str(folder), "--theme", theme, "--lang", "fr", "--out", str(tmp_path / "fr.md")]) == 0
    assert "Positions des délégations, séance par séance" in (tmp_path / "fr.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, words",
    [
        (["--theme", "no-such-theme"], ("unknown theme", "thème inconnu")),
        ([], ("add --theme", "ajoutez --theme")),
        (["--theme", "poc", "--since", "soon"], ("not a date", "pas une date")),
    ],
)
def test_kit_note_on_a_folder_refuses_in_the_users_language(folder, args, words, capsys):
    from kit.cli import main

    for lang, expected in zip(("en", "fr"), words):
        assert main(["note", str(folder), *args, "--lang", lang]) == 2
        err = capsys.readouterr().err
        assert expected in err and err.count("\n") == 1 and "Traceback" not in err


def test_kit_note_theme_on_one_report_is_the_note_across_its_meetings(capsys):
    from kit.cli import main

    assert main(["note", "--theme", "covid19", "--since", "2021-10-01"]) == 0
    out = capsys.readouterr().out
    assert "wgpko-2021, para" in out and "13 April 2021" not in out


# ------------------------------------------------------------------ the Briefing note app


@pytest.fixture(scope="module")
def app_view(folder, tmp_path_factory):
    from kit.views import data as view_data

    return view_data.app_report(folder, use_cache=False)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_app_on_a_corpus_offers_a_theme_across_the_documents(app_view, lang):
    from kit import i18n
    from kit.views import note_app

    b = note_app.briefing_app(app_view, lang=lang).briefing
    try:
        assert [v for _label, v in b.mode.options] == ["meeting", "theme"] and b.mode.value == "meeting"
        assert b.theme.layout.display == "none" and b.document.layout.display != "none"
        meeting_note = b.note
        b.mode.value = "theme"
        assert b.theme.layout.display != "none"
        assert all(w.layout.display == "none" for w in (b.document, b.meeting, b.themes, b.speakers))
        counts = {
            th: len({t["report_id"] for t in app_view.themes if t["theme"] == th}) for _label, th in b.theme.options
        }
        assert list(counts.values()) == sorted(counts.values(), reverse=True)  # the most documents first
        for _label, theme in b.theme.options[:3]:
            b.theme.value = theme
            assert b.note is not meeting_note and b.note.filters["themes"] == [theme]
            assert b.note.lang == lang
            check_theme_note(b.note, app_view, theme)
            assert b.note.title in html.unescape(str(b.out.value))
            assert theme in b._stem()
        b.on_word()
        assert ".docx" in b.word_link.value
        b.mode.value = "meeting"  # back to a meeting: its controls and its note
        assert b.theme.layout.display == "none" and b.meeting.layout.display != "none"
        assert b.note.filters["meeting"] is None and b.note.heading.get("documents") is None
    finally:
        i18n.set_language(None)


def test_the_app_on_one_report_offers_a_theme_across_its_meetings():
    from kit import i18n
    from kit.views import app_report, note_app

    b = note_app.briefing_app(app_report(), lang="en").briefing
    try:
        assert b.document is None and dict((v, k) for k, v in b.mode.options)["theme"] == "a theme across the meetings"
        b.mode.value = "theme"
        assert b.note is not None and len(b.note.heading["documents"]) == 1
        assert len({i.group for i in b.note.section("positions").items}) >= 1
    finally:
        i18n.set_language(None)


def test_the_app_kernel_makes_a_theme_note_without_pandas(folder, tmp_path):
    """A kernel-equivalent process opens the corpus from the apps' cache and makes a note on a theme: pandas,
    plotly and python-docx stay unloaded."""
    import os
    import subprocess
    import sys

    from kit.views import data as view_data

    env = {**os.environ, "KIT_CACHE_DIR": str(tmp_path / "cache"), "KIT_REPORT": str(folder)}
    root = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])
    warm = "from kit.views import data; data.app_report()\n"
    assert subprocess.run([sys.executable, "-c", warm], env=env, cwd=root).returncode == 0
    code = (
        "import sys\n"
        "from kit.views import note_app\n"
        "b = note_app.briefing_app(lang='en').briefing\n"
        "b.mode.value = 'theme'\n"
        "assert b.note is not None and b.note.heading['documents'], b.out.value\n"
        "print(sorted(m for m in ('pandas', 'plotly', 'docx') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert view_data is not None
