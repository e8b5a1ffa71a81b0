"""kit.views: escaping, highlighting, downloads with citations, app_report() and KIT_REPORT, the apps' HTML."""

from __future__ import annotations

import base64
import html as htmllib
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kit import ReportError, load_report
from kit.views import app_report, cite, queries
from kit.views import apps as views_apps
from kit.views.charts import bar_chart, heatmap, mission_map, para_strip, timeline
from kit.views.data import ViewReport
from kit.views.registry import APPS
from kit.views.html import download_link, error_panel, esc, highlight, kwic, term_spans

from .conftest import SYNTHETIC

ROOT = Path(__file__).resolve().parent.parent
INJECTED = (SYNTHETIC
            .replace("protection of civilians in Abyei.",
                     "protection of civilians in Abyei <script>alert(1)</script> and <img src=x onerror=alert(2)>.")
            .replace("Mr. Agyeman said that transitions", "Mr. Agyeman said that <b onmouseover=alert(3)>transitions</b>"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("KIT_REPORT", raising=False)


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
    return {m.group(1): _decode(m.group(0)) for m in re.finditer(r'<a class="dl" download="([^"]+)" href="[^"]+"', html)}


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


def test_app_report_cache_is_reused_and_invalidated(tmp_path, monkeypatch):
    f = tmp_path / "cached.md"
    f.write_text(SYNTHETIC, encoding="utf-8")
    first = app_report(f)
    files = list((tmp_path / "cache").glob("cached-*.json"))
    assert len(files) == 1
    from kit.views import data
    data._MEMO.clear()
    assert app_report(f).to_json() == first.to_json()  # read back from disk
    f.write_text(SYNTHETIC.replace("Harold Agyeman", "Harold Agyeman Jr"), encoding="utf-8")
    import os
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 10**9))
    app_report(f)
    assert len(list((tmp_path / "cache").glob("cached-*.json"))) == 2


def test_bad_kit_report_is_a_friendly_error(tmp_path, monkeypatch):
    missing = tmp_path / "no-such-report.pdf"
    monkeypatch.setenv("KIT_REPORT", str(missing))
    with pytest.raises(ReportError, match="no-such-report.pdf"):
        app_report()
    junk = tmp_path / "junk.md"
    junk.write_text("just some words, no numbered paragraphs\n", encoding="utf-8")
    monkeypatch.setenv("KIT_REPORT", str(junk))
    for make in (views_apps.overview_app, views_apps.speakers_app, views_apps.themes_app, views_apps.missions_app):
        app = make()
        assert isinstance(app, views_apps.HTMLApp)
        html = app._repr_html_()
        assert "could not be opened" in html and "junk.md" in html
        assert "Traceback" not in html


def test_error_panel_escapes():
    err = ReportError("bad <script>x</script>", source="<img src=x onerror=alert(1)>.md")
    html = error_panel(err)
    assert "<script>x" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


# ----------------------------------------------------------------------------- injection: report text is text

def test_injected_markup_renders_as_text(tmp_path):
    f = tmp_path / "evil.md"
    f.write_text(INJECTED, encoding="utf-8")
    r = app_report(f)
    pages = [views_apps.overview_html(r), views_apps.themes_html(r, [t for _, t in queries.theme_options(r)], "script"),
             views_apps.missions_html(r, "UNIFIL")]
    pages += [views_apps.speakers_html(r, sid, "person:lacroix") for sid in r.speaker]
    pages.append(views_apps.search_html(r, "<img"))
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
    svg = bar_chart([(evil, 3, "#000")]) + heatmap([evil], [evil], [[1]]) + para_strip([1, 2], {1: 1}, sections=[(1, evil)])
    svg += timeline([{"date": "2021-04-13", "title": evil, "first_para": 1, "last_para": 2}], "2021-01-01", "2021-12-31")
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
        assert view.text[h["para"]][h["sentence_start"]:h["sentence_end"]] == h["sentence"]
        for a, b in h["term_spans"]:
            assert 0 <= a < b <= len(h["sentence"])


def test_missions_named_by_full_name_count(view, frames):
    summary = {m["key"]: m for m in queries.mission_summary(view)}
    expected = frames.mentions.query("kind == 'mission'").groupby("key")["para"].apply(lambda s: sorted(set(s)))
    assert {k: m["paras"] for k, m in summary.items()} == expected.to_dict()
    assert summary["UNFICYP"]["lat"] is not None
    rows = queries.mission_rows(view, "UNFICYP")
    assert all(r["sentence"][r["mark"][0]:r["mark"][1]] == r["surface"] for r in rows)


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
    html = views_apps.speakers_html(view, "MEX")
    links = _links(html)
    csv_name = next(k for k in links if k.endswith(".csv"))
    rows = list(csv.DictReader(io.StringIO(links[csv_name])))
    shown = [int(p) for p in re.findall(r'<span class="para">(\d+)</span>', html)]
    assert [int(r["para"]) for r in rows] == shown == [26, 26, 27, 32, 33]


def test_themes_and_missions_downloads(view):
    links = _links(views_apps.themes_html(view, ["wps"], "gender"))
    themes_csv = list(csv.DictReader(io.StringIO(links["wgpko-2021-themes.csv"])))
    assert themes_csv and all(r["theme"] == view.theme_label["wps"] for r in themes_csv)
    assert all(r["citation"].startswith("wgpko-2021, para. ") for r in themes_csv)
    search_csv = list(csv.DictReader(io.StringIO(links["wgpko-2021-search.csv"])))
    assert len(search_csv) == len(queries.search(view, "gender"))
    links = _links(views_apps.missions_html(view, "MINUSMA"))
    rows = list(csv.DictReader(io.StringIO(links["wgpko-2021-MINUSMA.csv"])))
    assert [int(r["para"]) for r in rows] == [m["para"] for m in queries.mission_rows(view, "MINUSMA")]


def test_overview_links_are_relative_and_page_is_offline(view):
    html = views_apps.overview_html(view)
    assert re.findall(r'<a href="([^"]+)"', html)[:len(APPS) - 1] == [a.notebook for a in APPS if a.name != "overview"]
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


# ----------------------------------------------------------------------------- weight of the kernel

def test_views_do_not_import_pandas_or_plotly_when_cached(tmp_path):
    from kit.views import data
    data._MEMO.clear()
    app_report()  # warm the cache of this test's KIT_CACHE_DIR
    code = ("import sys; from kit.views import app_report, speakers_app, themes_app, missions_app, overview_app; "
            "r = app_report(); speakers_app(r); themes_app(r); missions_app(r); overview_app(r); "
            "print(sorted(m for m in ('pandas', 'plotly', 'numpy') if m in sys.modules))")
    import os
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ})
    assert out.stdout.strip() == "[]", out.stderr


def test_parser_never_imports_views():
    for f in (ROOT / "kit").glob("*.py"):
        assert "views" not in re.findall(r"^\s*(?:from|import)\s+([\w.]+)", f.read_text(), re.M), f


def test_world_outline_has_no_lines_across_the_map():
    from kit.views.world import land_path

    path = land_path()
    for ring in path.split("M")[1:]:
        xs = [float(p.split()[0]) for p in ring.rstrip("Z").split("L")]
        assert max(abs(a - b) for a, b in zip(xs, xs[1:])) < 90
    assert len(path) < 80_000


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
