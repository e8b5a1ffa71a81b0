"""kit.views: escaping, highlighting, downloads with citations, app_report() and KIT_REPORT, the apps' HTML."""

from __future__ import annotations

import base64
import html as htmllib
import csv
import io
import json
import re
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kit import ReportError, load_report
from kit.views import app_report, cite, queries
from kit.views.missions import missions_html
from kit.views.overview import overview_app, overview_html
from kit.views import shell as views_shell
from kit.views.shell import HTMLApp, app_language, localized
from kit.views.speakers import speakers_html
from kit.views.themes import MAX_BILINGUAL, search_html, themes_app, themes_html
from kit.views.charts import bar_chart, heatmap, mission_map, para_strip, timeline
from kit.views.data import ViewReport
from kit.views.registry import APPS
from kit.views.html import download_link, error_panel, esc, highlight, kwic, term_spans

from .conftest import SYNTHETIC

ROOT = Path(__file__).resolve().parent.parent
INJECTED = SYNTHETIC.replace(
    "protection of civilians in Abyei.",
    "protection of civilians in Abyei <script>alert(1)</script> and <img src=x onerror=alert(2)>.",
).replace("Mr. Agyeman said that transitions", "Mr. Agyeman said that <b onmouseover=alert(3)>transitions</b>")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    from kit.i18n import set_language

    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    for var in ("KIT_REPORT", "KIT_REPORT_ALT", "KIT_REPORT_FR", "KIT_LANG", "QUERY_STRING", "HTTP_ACCEPT_LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    yield
    set_language(None)  # an app built in French makes French the process default (one page, one kernel)


@pytest.fixture(scope="module")
def frames():
    return load_report()


@pytest.fixture()
def view():
    return app_report()


def _decode(link: str) -> str:
    m = re.search(r'href="data:[^;]+;charset=utf-8;base64,([^"]+)"', link)
    assert m, link[:200]
    return base64.b64decode(m.group(1)).decode("utf-8-sig")


def _links(html: str) -> dict[str, str]:
    return {
        m.group(1): _decode(m.group(0)) for m in re.finditer(r'<a class="dl" download="([^"]+)" href="[^"]+"', html)
    }


# ----------------------------------------------------------------------------- escaping and highlighting


def test_esc_escapes_markup_and_quotes():
    raw = '<img src=x onerror="alert(1)">'
    assert htmllib.unescape(esc(raw)) == raw and not set(esc(raw)) & set('<>"')
    assert esc(None) == ""


def test_highlight_marks_exact_offsets_and_escapes_everything():
    text = "A <b>said</b> that & more. Then B agreed."
    out = highlight(text, [(2, 26)])
    assert out == "A <mark>&lt;b&gt;said&lt;/b&gt; that &amp; more.</mark> Then B agreed."
    # overlapping and touching spans merge; spans outside the text are clipped
    assert highlight("abcdef", [(0, 2), (1, 3), (3, 4), (5, 99)]) == "<mark>abcd</mark>e<mark>f</mark>"
    assert highlight("abc", []) == "abc"


def test_every_statement_highlight_is_its_text(view, frames):
    for s in frames.statements.itertuples():
        html = highlight(view.text[s.para], [(s.start, s.end)])
        marked = re.findall(r"<mark>(.*?)</mark>", html, re.S)
        assert marked == [esc(s.text)], s.statement_id


def test_term_spans_and_kwic():
    text = "Women peacekeepers; women, peace and security; the Women-Peace agenda"
    assert [text[a:b] for a, b in term_spans(text, ["women, peace and security"])] == ["women, peace and security"]
    assert [text[a:b] for a, b in term_spans(text, ["peacekeep*"])] == ["peacekeepers"]
    left, hit, right = kwic("one two three four five six", 8, 13, width=6)
    assert (hit, left.endswith("two "), right.startswith(" four")) == ("three", True, True)


# ----------------------------------------------------------------------------- app_report and the cache


def test_app_report_matches_the_parser(view, frames):
    assert isinstance(view, ViewReport)
    assert len(view.statements) == len(frames.statements)
    assert [p["para"] for p in view.paragraphs] == frames.paragraphs["para"].tolist()
    assert view.cite([27, 26, 28, 31]) == frames.cite([27, 26, 28, 31])
    assert cite("S/2021/1", 5) == "S/2021/1, para. 5"
    json.dumps(view.to_json())  # plain JSON all the way down


def test_app_report_uses_kit_report(tmp_path, monkeypatch):
    f = tmp_path / "other-2022.md"
    f.write_text(SYNTHETIC, encoding="utf-8")
    monkeypatch.setenv("KIT_REPORT", str(f))
    r = app_report()
    assert r.report_id == "other-2022"
    assert len(r.paragraphs) == 11
    assert {"UNFICYP", "UNIFIL", "MINUSCA"} <= set(r.missions)


def test_bad_kit_report_is_a_friendly_error(tmp_path, monkeypatch):
    missing = tmp_path / "no-such-report.pdf"
    monkeypatch.setenv("KIT_REPORT", str(missing))
    with pytest.raises(ReportError, match="no-such-report.pdf"):
        app_report()
    junk = tmp_path / "junk.md"
    junk.write_text("just some words, no numbered paragraphs\n", encoding="utf-8")
    monkeypatch.setenv("KIT_REPORT", str(junk))
    import importlib

    from kit.views.registry import APPS

    for entry in APPS:
        module, _, name = entry.builder.partition(":")
        app = getattr(importlib.import_module(module), name)()
        assert isinstance(app, HTMLApp)
        html = app._repr_html_()
        assert "could not be opened" in html and "junk.md" in html
        assert "Traceback" not in html


def test_error_panel_escapes():
    err = ReportError("bad <script>x</script>", source="<img src=x onerror=alert(1)>.md")
    html = error_panel(err)
    assert "<script>x" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_failed_redraw_tells_the_participant_what_to_do_and_folds_the_error(lang):
    """A part of an app that fails says, in the page's language, what happened and what to do; the error's
    class and text (for the trainer) are folded away and escaped, never the first thing a participant reads."""
    from kit import i18n
    from kit.views.controls import guard

    class Out:
        value = ""

    def broken() -> str:
        raise KeyError("<b>MEX</b>")

    i18n.set_language(lang)
    try:
        out = Out()
        guard(out, broken)
        text = re.sub(r"<style>.*?</style>", "", out.value, flags=re.S)
        shown, _sep, folded = text.partition("<details>")
        assert i18n.gettext("Something went wrong here") in shown and "KeyError" not in shown
        assert i18n.gettext("Details for the trainer") in folded and "KeyError" in folded
        assert "<b>MEX" not in folded and "&lt;b&gt;MEX" in folded
    finally:
        i18n.set_language("en")


# ----------------------------------------------------------------------------- injection: report text is text


def test_injected_markup_renders_as_text(tmp_path):
    f = tmp_path / "evil.md"
    f.write_text(INJECTED, encoding="utf-8")
    r = app_report(f)
    pages = [
        overview_html(r),
        themes_html(r, [t for _, t in queries.theme_options(r)], "script"),
        missions_html(r, "UNIFIL"),
    ]
    pages += [speakers_html(r, sid, "person:lacroix") for sid in r.speaker]
    pages.append(search_html(r, "<img"))
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b onmouseover" not in html
    joined = "".join(pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "&lt;img src=x onerror=alert(2)&gt;" in joined
    assert "&lt;b onmouseover=alert(3)&gt;" in joined


def test_charts_escape_labels_and_fetch_nothing():
    evil = "<script>x</script>"
    svg = (
        bar_chart([(evil, 3, "#000")])
        + heatmap([evil], [evil], [[1]])
        + para_strip([1, 2], {1: 1}, sections=[(1, evil)])
    )
    svg += timeline(
        [{"date": "2021-04-13", "title": evil, "first_para": 1, "last_para": 2}], "2021-01-01", "2021-12-31"
    )
    svg += mission_map([{"key": evil, "label": evil, "lat": 10.0, "lon": 20.0, "n": 2}])
    assert "<script>" not in svg
    assert not re.search(r"(href|src)=\"(https?:)?//", svg)


# ----------------------------------------------------------------------------- queries against the dataframes


def test_statements_of_a_speaker_match_the_dataframe(view, frames):
    for sid in ["MEX", "person:menon", frames.speakers["speaker_id"].iloc[0]]:
        expected = frames.statements.query("speaker_id == @sid")["statement_id"].tolist()
        assert [s["statement_id"] for s in queries.statements_of(view, sid)] == expected


def test_joint_partners_come_from_shared_groups(view, frames):
    st = frames.statements
    sid = st.loc[st["joint"], "speaker_id"].iloc[0]
    groups = set(st.loc[st["speaker_id"] == sid, "group"])
    expected = set(st.loc[st["group"].isin(groups), "speaker_id"]) - {sid}
    assert {p for p, _, _ in queries.joint_partners(view, sid)} == expected


def test_theme_matrix_counts_statements(view, frames):
    names, cols, values = queries.theme_matrix(view, ["training"])
    th = frames.themes.query("theme == 'training'").dropna(subset=["statement_id"])
    per = frames.statements[frames.statements["statement_id"].isin(th["statement_id"])].groupby("speaker").size()
    assert dict(zip(names, (v[0] for v in values))) == per.to_dict()


def test_theme_hits_mark_matched_terms(view):
    hits = queries.theme_hits(view, ["covid19"])
    assert hits
    for h in hits:
        assert view.text[h["para"]][h["sentence_start"] : h["sentence_end"]] == h["sentence"]
        for a, b in h["term_spans"]:
            assert 0 <= a < b <= len(h["sentence"])


def test_missions_named_by_full_name_count(view, frames):
    summary = {m["key"]: m for m in queries.mission_summary(view)}
    expected = frames.mentions.query("kind == 'mission'").groupby("key")["para"].apply(lambda s: sorted(set(s)))
    assert {k: m["paras"] for k, m in summary.items()} == expected.to_dict()
    assert summary["UNFICYP"]["lat"] is not None
    rows = queries.mission_rows(view, "UNFICYP")
    assert all(r["sentence"][r["mark"][0] : r["mark"][1]] == r["surface"] for r in rows)


def test_search_finds_words_in_context(view, frames):
    rows = queries.search(view, "women   peacekeepers")
    n = frames.paragraphs["text"].str.count(r"(?i)women\s+peacekeepers").sum()
    assert len(rows) == n > 0
    assert all(r["match"].lower().split() == ["women", "peacekeepers"] for r in rows)


# ----------------------------------------------------------------------------- downloads with citations


def test_statement_downloads_have_rows_and_citations(view, frames):
    sts = queries.statements_of(view, "MEX")
    rows = list(csv.DictReader(io.StringIO(queries.statements_csv(view, sts))))
    assert [int(r["para"]) for r in rows] == [26, 26, 27, 32, 33]
    assert rows[0]["citation"] == frames.cite(26)
    assert rows[0]["statement"] == frames.statements.query("speaker_id == 'MEX'")["text"].iloc[0]
    md = queries.statements_markdown(view, sts, "Statements by Mexico")
    assert md.startswith("# Statements by Mexico")
    assert md.count("**Para. ") == 5
    assert f"Cite as: {frames.cite([26, 27, 32, 33])}" in md


def test_download_link_round_trips_utf8():
    text = "name\r\nCôte d'Ivoire\r\n"
    assert _decode(download_link("x.csv", text, "CSV")) == text


def test_speakers_page_downloads_what_is_on_screen(view):
    html = speakers_html(view, "MEX")
    links = _links(html)
    csv_name = next(k for k in links if k.endswith(".csv"))
    rows = list(csv.DictReader(io.StringIO(links[csv_name])))
    shown = [int(p) for p in re.findall(r'<span class="para">(\d+)</span>', html)]
    assert [int(r["para"]) for r in rows] == shown == [26, 26, 27, 32, 33]


def test_themes_and_missions_downloads(view):
    links = _links(themes_html(view, ["wps"], "gender"))
    themes_csv = list(csv.DictReader(io.StringIO(links["wgpko-2021-themes.csv"])))
    assert themes_csv and all(r["theme"] == view.theme_label["wps"] for r in themes_csv)
    assert all(r["citation"].startswith("wgpko-2021, para. ") for r in themes_csv)
    search_csv = list(csv.DictReader(io.StringIO(links["wgpko-2021-search.csv"])))
    assert len(search_csv) == len(queries.search(view, "gender"))
    links = _links(missions_html(view, "MINUSMA"))
    rows = list(csv.DictReader(io.StringIO(links["wgpko-2021-MINUSMA.csv"])))
    assert [int(r["para"]) for r in rows] == [m["para"] for m in queries.mission_rows(view, "MINUSMA")]


def test_overview_links_are_relative_and_page_is_offline(view):
    html = overview_html(view)
    assert re.findall(r'<a href="([^"]+)"', html)[: len(APPS) - 1] == [
        f"{a.notebook}?lang=en" for a in APPS if a.name != "overview"
    ]
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


# ----------------------------------------------------------------------------- weight of the kernel


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_app_kernel_stays_free_of_pandas_plotly_and_docx(tmp_path, lang):
    """A kernel-equivalent process builds every app of the registry (the Briefing note too) from a warm cache:
    none of them may load pandas, plotly or python-docx; in English, not Babel either (French dates need it)."""
    from kit.views import data
    from kit.views.registry import APPS

    data._MEMO.clear()
    app_report()  # warm the cache of this test's KIT_CACHE_DIR, as `kit serve` does
    heavy = ("pandas", "plotly", "docx") + (("babel",) if lang == "en" else ())
    code = (
        "import importlib, sys\n"
        "from kit.views.registry import APPS\n"
        "for app in APPS:\n"
        "    module, _, name = app.builder.partition(':')\n"
        "    built = getattr(importlib.import_module(module), name)()\n"
        "    assert 'could not be opened' not in repr(built), (app.name, repr(built))\n"
        f"    heavy = sorted(m for m in {heavy!r} if m in sys.modules)\n"
        "    print(app.name, heavy)\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "QUERY_STRING": f"lang={lang}",
    }  # as Voilà passes the page's address to the kernel
    env.pop("KIT_LANG", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:-1] == [f"{app.name} []" for app in APPS], out.stdout + out.stderr


def test_world_outline_has_no_lines_across_the_map():
    from kit.views.land_outline import svg_document
    from kit.views.world import LAND_ASSET, land_path

    path = land_path()
    for ring in path.split("M")[1:]:
        xs = [float(p.split()[0]) for p in ring.rstrip("Z").split("L")]
        assert max(abs(a - b) for a, b in zip(xs, xs[1:])) < 90
    assert len(path) < 80_000
    # the asset is exactly what the build tool writes around that outline
    assert (ROOT / "kit" / "assets" / LAND_ASSET).read_text(encoding="utf-8") == svg_document(path)


def test_joint_matrix_counts_statements_made_together():
    from kit import load_report
    from kit.views import queries
    from kit.views.data import app_report

    r = app_report()
    names, counts = queries.joint_matrix(r)
    st = load_report().statements
    joint = st[st["joint"]]
    expected = joint.merge(joint, on="group").query("speaker_id_x == 'CHN' and speaker_id_y == 'GBR'")
    china, uk = names.index("China"), names.index("United Kingdom of Great Britain and Northern Ireland")
    assert counts[china][uk] == counts[uk][china] == len(expected) > 0
    assert all(counts[i][i] == 0 for i in range(len(names)))
    assert "Brazil" not in names  # only mentioned, never a speaker


# ----------------------------------------------------------------------------- report.json and the apps' cache


def _cached_file(tmp_path, f) -> Path:
    from kit.views.data import cache_key

    found = list((tmp_path / "cache").glob(f"{f.stem}-*-{cache_key(f)}.json"))
    assert len(found) == 1, found
    return found[0]


def _fresh(f):
    from kit.views import data

    data._MEMO.clear()
    return app_report(f)


@pytest.fixture()
def synthetic_file(tmp_path):
    f = tmp_path / "cached.md"
    f.write_text(SYNTHETIC, encoding="utf-8")
    return f


def test_report_json_round_trips_both_faces(tmp_path, frames, view):
    import pandas as pd

    from kit.rows import FORMAT, TABLE_KEYS, read_json

    assert ViewReport.from_json(json.loads(json.dumps(view.to_json()))) == view
    files = frames.export(tmp_path / "out", ["json"])
    assert [f.name for f in files] == ["report.json"]
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert (data["format"], data["report_id"], list(data["tables"])) == (FORMAT, frames.report_id, list(TABLE_KEYS))
    assert read_json(files[0]) == ViewReport.from_report(frames) == view.__class__.from_json(view.to_json())
    again = load_report(files[0])  # Report -> report.json -> Report
    for name, df in frames.tables().items():
        pd.testing.assert_frame_equal(getattr(again, name), df)
    assert again.metadata == frames.metadata


def test_cache_is_keyed_on_content_not_path_size_or_mtime(tmp_path, synthetic_file):
    f = synthetic_file
    first = app_report(f)
    assert _cached_file(tmp_path, f).is_file()
    assert _fresh(f) == first  # read back from disk
    # the same size, the modification time put back: still a new parse
    st = f.stat()
    f.write_text(SYNTHETIC.replace("Harold Agyeman", "Harald Agyeman"), encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_size == st.st_size and f.stat().st_mtime_ns == st.st_mtime_ns
    edited = _fresh(f)
    assert any("Harald" in p["text"] for p in edited.paragraphs)
    assert not any("Harald" in p["text"] for p in first.paragraphs)
    assert list((tmp_path / "cache").glob("cached-*.json")) == [_cached_file(tmp_path, f)]  # the old one is gone
    other = tmp_path / "elsewhere" / f.name  # the same name in another folder has a cache file of its own
    other.parent.mkdir()
    other.write_text(SYNTHETIC, encoding="utf-8")
    _fresh(other)
    assert len(list((tmp_path / "cache").glob("cached-*.json"))) == 2


def test_cache_key_follows_the_reference_tables_and_the_kit_version(tmp_path, synthetic_file, monkeypatch):
    import shutil

    import kit
    from kit.paths import REFERENCE_DIR
    from kit.views import data

    before = data.cache_key(synthetic_file)
    refs = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, refs)
    monkeypatch.setattr(data, "REFERENCE_DIR", refs)
    assert data.cache_key(synthetic_file) == before  # the same tables elsewhere: the same key
    with open(refs / "themes.csv", "a", encoding="utf-8") as out:
        out.write("\n")
    assert data.cache_key(synthetic_file) != before
    monkeypatch.setattr(data, "REFERENCE_DIR", REFERENCE_DIR)
    monkeypatch.setattr(data, "_CODE_DIGEST", None)
    monkeypatch.setattr(kit, "__version__", kit.__version__ + ".post1")
    assert data.cache_key(synthetic_file) != before


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "wrong rows", "wrong offsets", "other format", "empty"])
def test_a_damaged_cache_file_is_rebuilt(tmp_path, synthetic_file, damage):
    good = app_report(synthetic_file)
    cached = _cached_file(tmp_path, synthetic_file)
    text = cached.read_text(encoding="utf-8")
    data = json.loads(text)
    if damage == "corrupt":
        cached.write_bytes(b"\x00\xff" + text.encode()[:100])
    elif damage == "truncated":
        cached.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "wrong rows":  # the right keys, rows of another shape
        data["tables"]["paragraphs"] = [{"para": "one", "text": None}]
        cached.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "wrong offsets":
        data["tables"]["statements"][0]["end"] = 10**6
        cached.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "other format":
        data["version"] = 99
        cached.write_text(json.dumps(data), encoding="utf-8")
    else:
        cached.write_text("", encoding="utf-8")
    again = _fresh(synthetic_file)
    assert again == good
    assert ViewReport.from_json(json.loads(cached.read_text(encoding="utf-8"))) == good  # repaired on disk
    for make in (overview_app, themes_app):
        assert "could not be opened" not in repr(make(again))


def test_two_kernels_writing_the_cache_at_once_leave_a_whole_file(tmp_path, synthetic_file):
    from kit.rows import read_json, write_json

    view = app_report(synthetic_file)
    target = tmp_path / "race" / "report.json"
    errors: list[BaseException] = []

    def writer():
        try:
            for _ in range(20):
                write_json(view, target)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    def reader():
        try:
            for _ in range(40):
                if target.exists():
                    assert read_json(target) == view
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(3)] + [threading.Thread(target=reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert read_json(target) == view
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temporary file left behind
    # and two processes starting on a cold cache both get the report and leave a valid cache file
    code = "from kit.views import app_report; import sys; print(len(app_report(sys.argv[1]).paragraphs))"
    cold = tmp_path / "cold"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KIT_CACHE_DIR": str(cold)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(synthetic_file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    outs = [p.communicate() for p in procs]
    assert [o[0].strip() for o in outs] == [str(len(view.paragraphs))] * 2, outs
    assert [read_json(f) for f in cold.glob("*.json")] == [view]


def test_cache_folder_is_the_platforms_unless_set(monkeypatch):
    import platformdirs

    from kit.views.data import cache_dir

    monkeypatch.delenv("KIT_CACHE_DIR")
    assert cache_dir() == Path(platformdirs.user_cache_dir("peacekeeping-briefing-kit", appauthor=False))
    monkeypatch.setenv("KIT_CACHE_DIR", "/somewhere/else")
    assert cache_dir() == Path("/somewhere/else")


def test_a_special_file_is_refused_before_reading(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    monkeypatch.setenv("KIT_REPORT", str(fifo))
    with pytest.raises(ReportError, match="not a regular file"):
        app_report()
    from kit.views.note_app import briefing_app

    assert "could not be opened" in briefing_app()._repr_html_()


# ----------------------------------------------------------------------------- the Briefing note app


def test_briefing_app_is_built_like_the_others_and_follows_the_choices(view):
    import nbformat

    from kit.views.note_app import briefing_app, speaker_options, theme_options
    from kit.views.registry import app_named

    nb = nbformat.read(ROOT / "notebooks" / app_named("briefing_note").notebook, as_version=4)
    assert "briefing_app()" in "".join(c.source for c in nb.cells if c.cell_type == "code")
    app = briefing_app(view)
    b = app.briefing
    assert "kit-app" in app._dom_classes
    head = app.children[0].value
    assert '<nav aria-label="Apps">' in head and view.label in head  # the same header and navigation bar
    assert "(para" in b.out.value
    meeting = view.meetings[-1]["meeting_id"]
    b.meeting.value = meeting
    spoke = {s["speaker_id"] for s in view.statements if s["meeting_id"] == meeting}
    assert {sid for _, sid in b.speakers.options} == spoke
    assert [o for o in b.speakers.options] == speaker_options(view, meeting)
    in_meeting = {p["para"] for p in view.paragraphs if p["meeting_id"] == meeting}
    for label, theme in theme_options(view, meeting):
        n = len({t["para"] for t in view.themes if t["theme"] == theme and t["para"] in in_meeting})
        assert label.endswith(f"({n} para{'s' if n != 1 else ''}.)")
    (sid,) = [sid for sid in b.speakers.options[0][1:]]
    name = view.speaker[sid]["name"]
    b.speakers.value = (sid,)
    links = _links(b.out.value)
    md = next(v for k, v in links.items() if k.endswith(".md"))
    assert name in md and sorted(k.rsplit(".", 1)[1] for k in links) == ["html", "md"]
    b.on_clear()
    assert b.speakers.value == () and b.themes.value == ()


def test_briefing_app_makes_the_word_file_only_when_asked(view):
    code = (
        "import sys, base64, re\n"
        "from kit.views.note_app import briefing_app\n"
        "app = briefing_app()\n"
        "assert 'docx' not in sys.modules\n"
        "app.briefing.on_word()\n"
        "data = re.search(r'base64,([^\"]+)', app.briefing.word_link.value).group(1)\n"
        "print(base64.b64decode(data)[:2], 'docx' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])},
    )
    assert out.stdout.strip() == "b'PK' True", out.stderr


def test_a_word_file_that_cannot_be_made_says_what_to_do_instead(view, monkeypatch):
    """No Word file on this server (python-docx missing, say): the participant is told to download the HTML file
    instead, and the error's name (words for a developer) is folded under "Details for the trainer"."""
    from kit.views.note_app import briefing_app

    app = briefing_app(view, lang="en")
    note = app.briefing.note

    def no_word(out):
        raise ModuleNotFoundError("No module named 'docx'")

    monkeypatch.setattr(note, "to_docx", no_word, raising=False)
    app.briefing.on_word()
    shown, _sep, folded = re.sub(r"<style>.*?</style>", "", str(app.briefing.word_link.value), flags=re.S).partition(
        "<details>"
    )
    assert "HTML file" in shown and "ModuleNotFoundError" not in shown and 'role="alert"' in shown
    assert "Details for the trainer" in folded and "ModuleNotFoundError" in folded


def test_a_report_with_problems_is_cached_and_read_back(tmp_path):
    """Rows of every table, problems included, pass the cache's checks: the second kernel reads the file."""
    import re as _re

    numbers = [int(n) for n in _re.findall(r"(?m)^(\d+)\. ", SYNTHETIC)]
    gap = numbers[len(numbers) // 2]
    text = _re.sub(rf"(?m)^{gap}\. ", f"{gap + 100}. ", SYNTHETIC, count=1)  # a numbering problem
    f = tmp_path / "gappy.md"
    f.write_text(text, encoding="utf-8")
    first = _fresh(f)
    assert first.problems, "the damaged numbering should be reported"
    cached = _cached_file(tmp_path, f)
    assert ViewReport.from_json(json.loads(cached.read_text(encoding="utf-8"))) == first
    mtime = cached.stat().st_mtime_ns
    assert _fresh(f) == first
    assert cached.stat().st_mtime_ns == mtime  # read, not rebuilt


def test_the_apps_open_a_report_json(tmp_path, monkeypatch, frames, view):
    exported = frames.export(tmp_path / "out", ["json"])[0]
    monkeypatch.setenv("KIT_REPORT", str(exported))
    assert _fresh(None) == view
    assert "could not be opened" not in repr(overview_app())
    exported.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ReportError, match="report.json"):
        _fresh(None)


def test_a_corpus_round_trips_through_report_json(tmp_path):
    import pandas as pd

    from kit import load_corpus

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "wgpko-a.md").write_text(SYNTHETIC, encoding="utf-8")
    (folder / "wgpko-b.md").write_text(SYNTHETIC.replace("Harold Agyeman", "Harald Agyeman"), encoding="utf-8")
    corpus = load_corpus(folder)
    again = load_report(corpus.export(tmp_path / "out", ["json"])[0])
    for name, df in corpus.tables().items():
        pd.testing.assert_frame_equal(getattr(again, name), df)
    assert set(again.paragraphs["report_id"]) == {"wgpko-a", "wgpko-b"}


# ----------------------------------------------------------------------------- languages

FIXTURES = ROOT / "tests" / "fixtures"


def _views_messages() -> list[str]:
    """The English messages of the apps (kit/views), as Babel extracts them, long enough to be recognised and
    not the same in French ("Mentions (CSV)")."""
    from kit.i18n import translator

    from .test_i18n import _source_messages

    tr = translator("fr")
    out = set()
    for message, where in _source_messages().items():
        if not any(w.startswith(("kit/views/", "kit/voila_app.py")) for w in where):
            continue
        for text in [message] if isinstance(message, str) else message:
            fixed = max(re.split(r"\{\w*\}|%\(\w+\)[sd]|<[^>]+>", text), key=len).strip()
            if len(fixed) >= 12 and fixed not in (
                tr.gettext(message) if isinstance(message, str) else tr.ngettext(message[0], message[1], 2)
            ):
                out.add(fixed)
    return sorted(out)


def _french_pages(r) -> dict[str, str]:
    from kit.views.note_app import briefing_app

    app_language("fr")
    fr = localized(r, "fr")
    theme = queries.theme_options(fr)[0][1]
    pages = {
        "overview": overview_html(fr),
        "speakers": speakers_html(
            fr, "MEX" if "MEX" in fr.speaker else fr.speakers[0]["speaker_id"], fr.speakers[-1]["speaker_id"]
        ),
        "themes": themes_html(fr, [theme], query="peace"),
        "missions": missions_html(fr, queries.mission_summary(fr)[0]["key"]),
        "search-none": search_html(fr, "zzqx-nowhere"),
    }
    app = briefing_app(r, lang="fr")
    pages["briefing_note"] = app.children[0].value + app.briefing.out.value
    return {k: htmllib.unescape(str(v)) for k, v in pages.items()}


def test_every_app_in_french_shows_no_english_message_of_the_catalogue(view):
    english = _views_messages()
    assert len(english) > 50
    report_text = " ".join(p["text"] for p in view.paragraphs) + " ".join(str(m.get("title")) for m in view.meetings)
    english = [e for e in english if e not in report_text]
    for name, page in _french_pages(view).items():
        left = [e for e in english if e in page]
        assert not left, (name, left[:5])


def test_french_pages_have_french_headings_dates_and_the_language_switch(view, monkeypatch):
    from kit.i18n import format_date, translator

    tr = translator("fr")
    pages = _french_pages(view)
    assert tr.gettext("Meetings on a timeline") in pages["overview"] != tr.gettext("Meetings on a timeline")
    assert format_date(view.metadata["date"], "fr") in pages["overview"]
    assert tr.gettext("Every statement, in context") in pages["speakers"]
    for name in [a.name for a in APPS]:  # the header every app shows above its controls
        page = str(views_shell.header(view, name, ""))
        assert re.search(r'<a href="\?lang=en"[^>]*hreflang="en"[^>]*>English</a>', page), name
        assert '<b aria-current="true" lang="fr">Français</b>' in page
        links = re.findall(r'<a href="(\w+\.ipynb[^"]*)"', page)  # every link to another app keeps the language
        assert len(links) == len(APPS) - 1 and all(link.endswith("?lang=fr") for link in links), links


def test_the_language_comes_from_the_address_then_the_room(monkeypatch):
    from kit.i18n import get_language

    monkeypatch.setenv("KIT_LANG", "fr")
    assert app_language() == "fr" == get_language()
    monkeypatch.setenv("QUERY_STRING", "mission=MINUSMA&lang=en")
    assert app_language() == "en"
    # the switch keeps the page's other parameters
    assert dict((code, href) for code, _, href in views_shell.switch_links()) == {
        "en": "?mission=MINUSMA&lang=en",
        "fr": "?mission=MINUSMA&lang=fr",
    }
    monkeypatch.setenv("QUERY_STRING", "lang=de")
    assert app_language() == "en"  # a language the kit does not speak: English
    # without ?lang= and without a room language, the browser's (Voilà passes Accept-Language to the kernel)
    monkeypatch.setenv("QUERY_STRING", "")
    monkeypatch.setenv("HTTP_ACCEPT_LANGUAGE", "fr-CA,fr;q=0.9,en;q=0.8")
    assert app_language() == "fr"  # KIT_LANG is still "fr" here ...
    monkeypatch.setenv("KIT_LANG", "en")
    assert app_language() == "en"  # ... and the room's language wins over the browser's
    monkeypatch.delenv("KIT_LANG")
    assert app_language() == "fr"
    monkeypatch.setenv("HTTP_ACCEPT_LANGUAGE", "de-DE,de;q=0.9")
    assert app_language() == "en"


def test_french_app_keeps_the_report_verbatim_and_cites_in_french(view):
    fr = localized(view, "fr")
    assert [p["text"] for p in fr.paragraphs] == [p["text"] for p in view.paragraphs]
    assert fr.cite([27, 26, 28]) == cite(view.label, [26, 27, 28], "fr")
    assert {t["theme"] for t in fr.themes} == {t["theme"] for t in view.themes}
    # every theme label is the French label of the vocabulary (or the report's when it has none)
    from kit.gazetteer import read_table

    french = {row["theme"]: row["label_fr"] for row in read_table("themes.csv") if row.get("label_fr")}
    assert all(t["label"] == french.get(t["theme"], v["label"]) for t, v in zip(fr.themes, view.themes))
    page = missions_html(fr, None)
    assert all(
        m["fr_name"] in htmllib.unescape(str(page))
        for m in fr.missions.values()
        if m.get("fr_name") and m["acronym"] in {x["key"] for x in queries.mission_summary(fr)}
    )


def test_landing_page_language_follows_the_address_the_room_then_the_browser():
    from kit.i18n import translator
    from kit.voila_app import apps_landing_page, page_language

    assert page_language(None, "fr-FR,fr;q=0.9,en;q=0.5", room="") == "fr"
    assert page_language(None, "de-DE,en;q=0.8,fr;q=0.5", room="") == "en"
    assert page_language(None, "de, fr;q=0.3", room="") == "fr"
    assert page_language(None, "fr", room="en") == "en"  # the trainer's --lang wins over the browser
    assert page_language("fr", "en", room="en") == "fr"  # and the address over both
    assert page_language(None, None, room="") == "en"
    page = apps_landing_page(lang="fr")
    tr = translator("fr")
    assert '<html lang="fr">' in page
    for app in APPS:
        assert f'href="voila/render/{app.notebook}?lang=fr"' in page
        assert f">{tr.gettext(app.title)}</a>" in htmllib.unescape(page) != tr.gettext(app.title)
    assert tr.gettext("The apps") in htmllib.unescape(page)


# ----------------------------------------------------------------------------- side by side


@pytest.fixture()
def pair():
    return app_report(FIXTURES / "wgpko_excerpt_en.md"), app_report(FIXTURES / "wgpko_excerpt_fr.md")


def test_side_by_side_aligns_every_statement_of_both_versions_once(pair):
    from kit.views.bilingual import speaker_pairs, statement_pairs

    en, fr = pair
    assert (en.metadata["lang"], fr.metadata["lang"]) == ("en", "fr")
    rows = statement_pairs(en, fr)
    # nothing dropped: every statement of each version is on exactly one row
    assert sorted(id(a) for _, a, _b in rows if a) == sorted(id(s) for s in en.statements)
    assert sorted(id(b) for _, _a, b in rows if b) == sorted(id(s) for s in fr.statements)
    for (para, sid, _n), a, b in rows:
        for s in (a, b):
            assert s is None or (s["para"] == para and s["speaker_id"] == sid)
    for sid in {s["speaker_id"] for s in en.statements}:
        got = speaker_pairs(en, fr, sid)
        assert [p for p, _, _ in got] == sorted(s["para"] for s in en.statements if s["speaker_id"] == sid) or any(
            not a or not b for _, a, b in got
        )
        assert all(a in en.text[p] or not a for p, a, _ in got)
        assert all(b in fr.text[p] or not b for p, _, b in got)


def test_side_by_side_view_shows_both_languages_escaped(pair, monkeypatch, tmp_path):
    from kit.views.bilingual import alt_report, paragraph_pairs, side_by_side_html

    en, fr = pair
    sid = next(s["speaker_id"] for s in en.statements if s["speaker_kind"] == "member_state")
    page = str(speakers_html(en, sid, alt=fr))
    assert '<th scope="col" lang="en">English</th><th scope="col" lang="fr">Français</th>' in page
    en_first = next(s for s in en.statements if s["speaker_id"] == sid)
    fr_first = next(s for s in fr.statements if s["speaker_id"] == sid and s["para"] == en_first["para"])
    assert htmllib.escape(en_first["text"], quote=False)[:40] in page.replace("&#39;", "'")
    assert htmllib.escape(fr_first["text"], quote=False).replace("'", "&#39;")[:40] in page
    # a theme's paragraphs in both versions
    theme = queries.theme_options(en)[0][1]
    tpage = htmllib.unescape(str(themes_html(en, [theme], alt=fr)))
    for para in {h["para"] for h in queries.theme_hits(en, [theme])}:
        assert en.text[para][:50] in tpage and fr.text[para][:50] in tpage
    # the paragraphs a search finds, in both versions
    word = next(w for w in en.text[en_first["para"]].split() if len(w) > 6 and w.isalpha())
    spage = htmllib.unescape(str(search_html(en, word, alt=fr)))
    found = sorted({x["para"] for x in queries.search(en, word)})[:MAX_BILINGUAL]
    assert found and all(en.text[p][:50] in spage and fr.text[p][:50] in spage for p in found)
    assert "kit-bilingual" not in str(search_html(en, word))  # one version: the search as before
    # report text is escaped
    evil = dataclasses_replace(fr, "<script>alert(1)</script>")
    assert "<script>" not in str(side_by_side_html(en, evil, paragraph_pairs(en, evil, [1]), "x"))
    # without a second version: one friendly line, no table
    none = str(speakers_html(en, sid))
    assert "kit-bilingual-none" in none and 'lang="fr">Français</th>' not in none
    # the room's second version comes from KIT_REPORT_ALT (a missing file: none, not an error)
    monkeypatch.setenv("KIT_REPORT_ALT", str(FIXTURES / "wgpko_excerpt_fr.md"))
    assert alt_report(en).metadata["lang"] == "fr"
    assert alt_report(fr) is None  # the same version twice is not a pair
    assert alt_report(app_report(FIXTURES / "wgpko_excerpt_fr.md")) is None
    monkeypatch.setenv("KIT_REPORT_ALT", str(tmp_path / "missing.md"))
    assert alt_report(en) is None


def dataclasses_replace(r, text):
    import dataclasses

    return dataclasses.replace(r, paragraphs=[{**p, "text": text + p["text"]} for p in r.paragraphs])


def test_kit_serve_lang_sets_the_rooms_language(monkeypatch):
    """``kit serve --lang fr`` reaches Voilà (and so every app kernel) as KIT_LANG."""
    import kit.serve
    from kit.cli import main

    seen = {}

    class Stop(Exception):
        pass

    def fake_popen(cmd, env=None, **kwargs):
        seen.update(env or {})
        raise Stop

    monkeypatch.setattr(kit.serve, "port_is_free", lambda port, host="0.0.0.0": True)
    monkeypatch.setattr(kit.serve, "announce", lambda *a, **k: None)
    monkeypatch.setattr(kit.serve.subprocess, "Popen", fake_popen)
    with pytest.raises(Stop):
        main(["serve", "--lang", "fr-FR", "--host", "127.0.0.1", "--port", "8999"])
    assert seen["KIT_LANG"] == "fr"


def test_the_french_overview_gives_each_meetings_format_in_french(view):
    """The format is the parser's canonical English word ("videoconference"): a French page translates it."""
    from kit.display import MEETING_FORMATS, meeting_format

    page = _french_pages(view)["overview"]
    formats = {m.get("format") for m in view.meetings} & set(MEETING_FORMATS)
    assert formats, "the bundled report's meetings have a known format"
    for fmt in formats:
        cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
        assert meeting_format(fmt, "fr") in cells and fmt not in cells
