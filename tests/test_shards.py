"""A corpus's cache in shards (:mod:`kit.views.shards`): the Speakers, Missions and Briefing note apps read an
index and the shard of the choice, and show exactly what they show on the whole corpus.

The corpus is generated (``tests/test_corpus.py``: several years, English and French). Each assertion compares
the pages (or the summary) built from the shards with those built from the whole corpus, for every speaker,
mission and document it has, so they hold for any corpus.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit import i18n
from kit.teaching.theme_note import theme_note
from kit.views import data as view_data
from kit.views import queries, shards, shell
from kit.views.missions import missions_app, missions_html
from kit.views.note_app import briefing_app, theme_document_options
from kit.views.overview import overview_app, overview_downloads, overview_html
from kit.views.speakers import speakers_app, speakers_html
from kit.views.themes import search_html, themes_app, themes_html

from .test_corpus import make_corpus

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["en", "fr"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("shards") / "reports")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("KIT_CACHE_DIR", str(where))
    view_data._MEMO.clear()
    yield where
    view_data._MEMO.clear()
    i18n.set_language(None)


@pytest.fixture
def both(folder, cache):
    """(the whole corpus, the index of its shards), read as the apps read them."""
    whole = view_data.app_report(folder)
    index = shards.app_index(folder)
    assert index.paragraphs == [] and index.statements == [] and index.mentions == []  # an index, not the rows
    return whole, index


def test_the_shards_are_written_with_the_corpus_cache(folder, cache):
    view_data.app_report(folder)
    (written,) = cache.glob("*.shards")
    assert written == shards.shard_dir(view_data.cache_file(folder))
    assert (written / "index.json").is_file()
    assert {p.name for p in written.iterdir()} == {"index.json", *shards.KINDS}


def test_one_report_has_no_shards(cache):
    r = shards.app_index()
    assert r.report_id == "wgpko-2021" and r.paragraphs  # the whole report, as app_report gives it
    assert not list(cache.glob("*.shards"))
    assert shards.part(r, "speaker", ["MEX"]) is r


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_agrees_with_the_whole_corpus(both, lang):
    whole, index = both
    assert any(s["joint"] for s in whole.statements) and whole.mentions  # the corpus has what is summarised
    shell.app_language(lang)
    w, i = shell.localized(whole, lang), shell.localized(index, lang)
    assert queries.speaker_options(i) == queries.speaker_options(w)
    assert queries.speaker_counts(i) == queries.speaker_counts(w)
    assert queries.joint_matrix(i) == queries.joint_matrix(w)
    assert queries.mission_summary(i) == queries.mission_summary(w)
    assert i.documents == w.documents and i.labels == w.labels
    assert str(shell.header(i, "speakers", "")) == str(shell.header(w, "speakers", ""))


@pytest.mark.parametrize("lang", LANGS)
def test_every_speaker_page_from_shards_is_the_page_of_the_whole_corpus(both, lang):
    whole, index = both
    shell.app_language(lang)
    w, i = shell.localized(whole, lang), shell.localized(index, lang)
    sids = [sid for _label, sid in queries.speaker_options(w)]
    assert len(sids) > 3
    for n, sid in enumerate(sids):
        other = sids[(n + 1) % len(sids)] if n % 2 else None  # every other page compares with a second speaker
        part = shell.part(i, "speaker", [sid, other])
        assert len(part.statements) < len(whole.statements)  # only the rows of the choice were read
        assert str(speakers_html(part, sid, other)) == str(speakers_html(w, sid, other)), sid


@pytest.mark.parametrize("lang", LANGS)
def test_every_mission_page_from_shards_is_the_page_of_the_whole_corpus(both, lang):
    whole, index = both
    shell.app_language(lang)
    w, i = shell.localized(whole, lang), shell.localized(index, lang)
    keys = [m["key"] for m in queries.mission_summary(w)]
    assert keys
    for key in [*keys, None]:
        assert str(missions_html(shell.part(i, "mission", [key]), key)) == str(missions_html(w, key)), key


def test_every_document_from_shards_is_the_document_of_the_whole_corpus(both):
    whole, index = both
    w, i = shell.localized(whole, "fr"), shell.localized(index, "fr")
    for d in w.documents:
        ours = shell.part(i, "document", [d["report_id"]])
        assert ours.to_json() == shell.part(w, "document", [d["report_id"]]).to_json()
        assert ours.cite_lang == "fr"


def test_the_apps_open_the_index_and_show_what_they_showed(folder, cache, monkeypatch):
    monkeypatch.setenv("KIT_REPORT", str(folder))
    whole = shell.localized(view_data.app_report(folder), "en")
    app = speakers_app(lang="en")
    first = app.children[1].children[2].value
    assert app.children[-1].value == str(speakers_html(whole, first))
    app = missions_app(lang="en")
    key = app.children[1].value
    assert app.children[-1].value == str(missions_html(whole, key))
    note = briefing_app(lang="en").briefing
    assert note.corpus.statements == []  # the app holds the index and one document, not the corpus
    assert note.r.to_json() == shell.part(whole, "document", [note.document.value]).to_json()


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_from_the_index_is_the_overview_of_the_whole_corpus(both, lang):
    whole, index = both
    shell.app_language(lang)
    w, i = shell.localized(whole, lang), shell.localized(index, lang)
    assert queries.theme_options(i) == queries.theme_options(w) and queries.theme_counts(i) == queries.theme_counts(w)
    assert str(overview_html(i, downloads=False)) == str(overview_html(w, downloads=False))
    full = str(overview_html(w))
    assert str(overview_downloads(w)) in full  # the same page, with the files the button prepares


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_app_prepares_its_csv_files_when_asked(folder, cache, monkeypatch, lang):
    monkeypatch.setenv("KIT_REPORT", str(folder))
    whole = shell.localized(view_data.app_report(folder), lang)
    app = overview_app(lang=lang)
    page, button, files = app.children
    assert page.value == str(overview_html(whole, downloads=False))
    assert files.value == "" and "text/csv" not in page.value  # nothing prepared before the participant asks
    button.click()
    assert str(overview_downloads(whole)) in files.value and 'role="status"' in files.value
    assert button.description == i18n.gettext("Prepare the CSV files", lang)
    assert (button.description == "Prepare the CSV files") == (lang == "en")  # French in a French room


@pytest.mark.parametrize("lang", LANGS)
def test_every_theme_page_from_shards_is_the_page_of_the_whole_corpus(both, lang):
    whole, index = both
    shell.app_language(lang)
    w, i = shell.localized(whole, lang), shell.localized(index, lang)
    themes = [th for _label, th in queries.theme_options(w)]
    assert len(themes) > 2
    choices = [[], *([th] for th in themes), themes[:2], themes[::-1][:3]]  # none, each, and several at once
    for chosen in choices:
        shown = shell.part(i, "theme", chosen)
        assert len(shown.paragraphs) < len(whole.paragraphs)  # only the rows of the choice were read
        assert str(themes_html(shown, chosen)) == str(themes_html(w, chosen)), chosen


@pytest.mark.parametrize("lang", LANGS)
def test_a_note_on_a_theme_from_its_shard_is_the_note_from_the_whole_corpus(both, lang):
    whole, index = both
    shell.app_language(lang)
    w, i = shell.localized(whole, lang), shell.localized(index, lang)
    options = theme_document_options(i)
    assert options == theme_document_options(w) and options
    for _label, th in options:
        ours = theme_note(shell.part(i, "theme", [th]), th, lang=lang)
        assert ours.to_markdown() == theme_note(w, th, lang=lang).to_markdown(), th


@pytest.mark.parametrize("lang", LANGS)
def test_the_themes_app_reads_the_paragraphs_at_the_first_search(folder, cache, monkeypatch, lang):
    monkeypatch.setenv("KIT_REPORT", str(folder))
    whole = shell.localized(view_data.app_report(folder), lang)
    app = themes_app(lang=lang)
    query, pick, out, found = app.children[1], app.children[4], app.children[5], app.children[3]
    assert out.value == str(themes_html(whole, list(pick.value)))
    word = next(w for w in whole.paragraphs[3]["text"].split() if len(w) > 6)
    query.value = word
    assert found.value == str(search_html(whole, word)) and "<mark>" in found.value  # the same rows are found
    pick.value = tuple(th for _label, th in queries.theme_options(whole)[:2])
    assert out.value == str(themes_html(whole, list(pick.value)))


def test_a_shard_that_cannot_be_read_gives_the_whole_corpus(both):
    whole, index = both
    w, i = shell.localized(whole, "en"), shell.localized(index, "en")
    sid = queries.speaker_options(w)[0][1]
    folder = index.__dict__["_memo"][shards.SHARDS].folder
    for file in (folder / "speaker").iterdir():
        file.write_text("{not json", encoding="utf-8")
    assert str(speakers_html(shell.part(i, "speaker", [sid]), sid)) == str(speakers_html(w, sid))


def test_a_changed_document_gets_new_shards_and_the_old_go(folder, cache, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    for f in folder.iterdir():
        (mine / f.name).write_bytes(f.read_bytes())
    view_data.app_report(mine)
    (before,) = cache.glob("*.shards")
    doc = sorted(mine.iterdir())[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    view_data.app_report(mine)
    (after,) = cache.glob("*.shards")
    assert after != before and not before.exists()
    index = json.loads((after / "index.json").read_text(encoding="utf-8"))
    assert index["report_id"] == "corpus"


def test_a_kernel_on_the_shards_imports_no_pandas(folder, cache):
    view_data.app_report(folder)  # as kit serve does before the room arrives
    code = (
        "import sys; from kit.views.speakers import speakers_app; from kit.views.missions import missions_app; "
        "from kit.views.note_app import briefing_app; from kit.views.overview import overview_app; "
        "from kit.views.themes import themes_app; "
        "speakers_app(); missions_app(); briefing_app(); overview_app(); themes_app(); "
        "print('pandas' in sys.modules)"
    )
    env = {**os.environ, "KIT_REPORT": str(folder), "KIT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
