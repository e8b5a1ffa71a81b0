"""The apps on a corpus (a folder of documents): what the Overview, Speakers, Themes and Missions show.

The corpus is generated (``tests/test_corpus.py``: several years, English and French, one document with a
symbol). Assertions compare the pages with the corpus's own rows, so they hold for any corpus.
"""

from __future__ import annotations

import base64
import csv
import html as html_lib
import io
import json
import re
from collections import Counter

import pytest

from kit import i18n
from kit.schema import DOCUMENT_COLUMNS
from kit.views import corpus, queries
from kit.views import data as view_data
from kit.views import shell as views_shell
from kit.views.missions import missions_html
from kit.views.overview import overview_html
from kit.views.shell import LANGUAGE_NAMES
from kit.views.speakers import speakers_html
from kit.views.themes import search_html, themes_html

from .test_corpus import FRENCH, SYNTHETIC, make_corpus, moved


def text_of(markup) -> str:
    """The page's visible text: tags, styles and download payloads left out, entities decoded."""
    s = re.sub(r'href="data:[^"]*"', "", str(markup))
    s = re.sub(r"<style.*?</style>", "", s, flags=re.S)
    return re.sub(r"[ \t\r\n]+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", s))).strip()  # no-break spaces kept


def download(markup, name_part: str) -> str:
    """The decoded content of the CSV download whose file name contains ``name_part``."""
    m = re.search(
        rf'download="([^"]*{re.escape(name_part)}[^"]*\.csv)" href="data:[^;]*;charset=utf-8;base64,([^"]*)"',
        str(markup),
    )
    assert m, f"no download named like {name_part!r}"
    return base64.b64decode(m.group(2)).decode("utf-8-sig")


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    folder = make_corpus(tmp_path_factory.mktemp("views") / "reports")
    view_data._MEMO.clear()
    return view_data.app_report(folder, use_cache=False)


@pytest.fixture(params=["en", "fr"])
def page(request, view):
    r, err = views_shell.open_report(view, "test", request.param)
    assert err is None
    yield r
    i18n.set_language(None)


def test_overview_lists_every_document(page):
    r = page
    html = overview_html(r)
    text = text_of(html)
    lang = i18n.get_language()
    for d in r.documents:
        row = [
            i18n.format_date(d["date"], lang),
            corpus.kind_label(d["kind"]),
            d["body"],
            d["symbol"] or d["report_id"],
            dict(LANGUAGE_NAMES)[d["language"]],
        ]
        assert " ".join(row) in text, row
    rows = list(csv.reader(io.StringIO(download(html, "documents"))))
    assert rows[0] == DOCUMENT_COLUMNS
    assert [row[0] for row in rows[1:]] == [d["report_id"] for d in r.documents]
    assert "cite as" not in text.split("Documents")[0].lower() or lang == "fr"  # the header counts documents


def test_meetings_over_time_count_every_meeting(page):
    by, per_period = corpus.meetings_over_time(page)
    assert sum(n for _label, n in per_period) == len(page.meetings)
    years = {str(m["date"])[:4] for m in page.meetings}
    assert by == ("month" if int(max(years)) - int(min(years)) <= 1 else "year")
    text = text_of(overview_html(page))
    for label, n in per_period:
        assert f"{label} {n}" in text


def test_speakers_across_documents(page):
    r = page
    sts = [s for s in r.statements if s["speaker_id"] == "GBR"]
    html = speakers_html(r, "GBR")
    text = text_of(html)
    docs = sorted({s["report_id"] for s in sts})
    meeting_years = sorted({str(m["date"])[:4] for m in r.meetings if m["report_id"] in docs})
    span = meeting_years[0] if len(meeting_years) == 1 else f"{meeting_years[0]}–{meeting_years[-1]}"
    name = r.speaker["GBR"]["name"]
    if i18n.get_language() == "en":
        assert f"{name}: {len(sts)} statements in {len(docs)} documents, {span}" in text
    else:
        assert f"{name}\u00a0: {len(sts)} déclarations dans {len(docs)} documents, {span}" in text
    for s in sts:  # every statement's row cites its own document
        assert r.cite_rows([s]) in text
    assert r.cite_rows(sts) in text
    csv_rows = list(csv.reader(io.StringIO(download(html, "gbr-"))))
    assert [row[-1] for row in csv_rows[1:]] == [r.cite_rows([s]) for s in queries.statements_of(r, "GBR")]


def test_joint_statements_stay_within_their_document(view):
    """Statement ids and groups repeat from one document to the next: partners are counted per document."""
    partners = dict((sid, paras) for sid, _name, paras in queries.joint_partners(view, "BIH"))
    expected: Counter = Counter()
    groups = {}
    for s in view.statements:
        groups.setdefault((s["report_id"], s["group"]), set()).add(s["speaker_id"])
    for (_rid, _g), members in groups.items():
        if "BIH" in members:
            for other in members - {"BIH"}:
                expected[other] += 1
    assert {sid: len(p) for sid, p in partners.items()} == dict(expected)
    assert all(isinstance(p, tuple) for paras in partners.values() for p in paras)  # (report_id, para)


def test_themes_by_period(page):
    r = page
    themes = [t for _label, t in queries.theme_options(r)]
    names, periods, counts = corpus.themes_over_time(r, themes)
    meeting_date = {(m["report_id"], m["meeting_id"]): m["date"] for m in r.meetings}
    para_date = {(p["report_id"], p["para"]): meeting_date.get((p["report_id"], p["meeting_id"])) for p in r.paragraphs}
    for label, row in zip(names, counts):
        theme = next(t["theme"] for t in r.themes if t["label"] == label)
        paras = {(t["report_id"], t["para"]) for t in r.themes if t["theme"] == theme}
        assert sum(row) == len(paras)
        per_year = Counter(str(para_date[p])[:4] for p in paras)
        assert sorted(n for n in row if n) == sorted(per_year.values())
    html = themes_html(r, themes[:1])
    text = text_of(html)
    assert " ".join(periods) in text
    hits = queries.theme_hits(r, themes[:1])
    assert hits and all(r.cite_rows([h]) in text for h in hits)
    assert "One cell per paragraph" not in text  # no single-report paragraph strip


def test_search_and_missions_cite_each_document(page):
    r = page
    rows = queries.search(r, "training")
    assert len({x["report_id"] for x in rows}) > 1
    text = text_of(search_html(r, "training"))
    assert all(r.cite_rows([x]) in text for x in rows)
    key = queries.mission_summary(r)[0]["key"]
    mentions = queries.mission_rows(r, key)
    text = text_of(missions_html(r, key))
    assert r.cite_rows(mentions) in text
    for x in mentions:
        assert x["sentence"] and x["sentence"] in r.para_text(x)


def test_a_documents_text_is_escaped(tmp_path):
    folder = make_corpus(tmp_path / "reports", years=(2022,), french=(2023,), symbol_year=None)
    evil = moved(SYNTHETIC, 2024).replace("Missions in transition", "Missions <script>alert(1)</script>")
    (folder / "evil.md").write_text(evil, encoding="utf-8")
    r = view_data.app_report(folder, use_cache=False)
    html = str(overview_html(r))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert FRENCH  # the French fixture is in the corpus too
    assert {d["language"] for d in r.documents} == {"en", "fr"}


def test_a_single_report_shows_no_corpus_pieces():
    r, _ = views_shell.open_report(view_data.app_report(), "test", "en")
    text = text_of(overview_html(r))
    assert not r.is_corpus
    assert f"cite as {r.label}" in text and "Meetings over time" not in text
    assert "Document by document" not in text_of(speakers_html(r, "MEX"))
    assert "One cell per paragraph" in text_of(themes_html(r, [queries.theme_options(r)[0][1]]))
    i18n.set_language(None)


def test_the_briefing_note_is_built_on_one_chosen_document(view):
    """A note quotes one document: choosing another document gives its meetings and a note citing it."""
    from kit.views import note_app

    app = note_app.briefing_app(view, lang="en")
    b = app.briefing
    assert [v for _label, v in b.document.options] == [d["report_id"] for d in view.documents]
    for rid in (b.document.options[0][1], b.document.options[-1][1]):
        b.document.value = rid
        assert {m for _label, m in b.meeting.options if m} == {
            m["meeting_id"] for m in view.meetings if m["report_id"] == rid
        }
        assert b.note is not None
        label = view.labels[rid]
        assert json.loads(b.note.to_json())["report_id"] == rid
        for item in b.note.items:
            if item.quote:  # every quote is text of that document's paragraph
                assert item.text in b.r.texts[(rid, item.paras[0])]
        assert label in b.note.to_markdown()
    i18n.set_language(None)


def test_long_tables_of_a_corpus_show_the_first_rows_and_download_all(view, monkeypatch):
    monkeypatch.setattr(views_shell, "MAX_CORPUS_ROWS", 2)
    r, _ = views_shell.open_report(view, "test", "en")
    sts = queries.statements_of(r, "GBR")
    html = speakers_html(r, "GBR")
    assert f"Showing the first 2 of {len(sts)} rows" in text_of(html)
    table = str(html).split("Every statement, in context")[1]
    assert table.count('<span class="para">') == 2
    assert len(list(csv.reader(io.StringIO(download(html, "gbr-"))))) == len(sts) + 1
    i18n.set_language(None)
