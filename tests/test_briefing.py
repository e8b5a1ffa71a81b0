"""Briefing notes: every line cited to a paragraph that holds it; Markdown, HTML and Word say the same."""

from __future__ import annotations

import copy
import html
import io
import re

import pytest

from kit import load_text
from kit.teaching.briefing import NoteError, build_note, figure_kind

from .conftest import SYNTHETIC

LINE = re.compile(r"^- (?:\*\*(?P<label>.+?)\*\*: )?(?P<text>.+) \(paras?\. (?P<paras>\d+(?:, \d+)*)\)$")


@pytest.fixture(scope="module")
def r():
    from kit import load_report

    return load_report()


def _unescape_md(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


def _cited_lines(markdown: str) -> list[tuple[str | None, str, list[int]]]:
    out = []
    for line in markdown.splitlines():
        if line.startswith("- "):
            m = LINE.match(line)
            assert m, f"bullet without a citation: {line!r}"
            out.append((m.group("label"), _unescape_md(m.group("text")), [int(p) for p in m.group("paras").split(", ")]))
    return out


NOTES = [
    {},
    {"meeting": "2021-04-13"},
    {"meeting": "2021-10-12", "themes": ["policing"]},
    {"themes": ["covid19", "Medical"]},
    {"speakers": ["Mexico", "CHN", "Menon"]},
    {"meeting": "2021-04-13", "themes": ["training"], "speakers": ["United Kingdom"]},
]


@pytest.mark.parametrize("kwargs", NOTES, ids=[str(k) for k in NOTES])
def test_every_line_is_cited_to_a_paragraph_that_contains_it(r, kwargs):
    note = build_note(r, **kwargs)
    md = note.to_markdown()
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"]))
    lines = _cited_lines(md)
    assert lines, md[:500]
    assert len(lines) == len(note.lines)
    for label, text, paras in lines:
        assert any(text in texts[p] for p in paras), (paras, text)
    if kwargs.get("meeting"):
        m = r.meetings.set_index("meeting_id").loc[kwargs["meeting"]]
        assert all(m.first_para <= p <= m.last_para for _, _, ps in lines for p in ps)


def test_note_structure_and_content(r):
    note = build_note(r, meeting="2021-04-13")
    md = note.to_markdown()
    assert md.startswith("# Briefing note: Report on the activities")
    for title in ("## Positions by delegation", "## Key figures", "## Open asks"):
        assert title in md
    assert "13 April 2021" in md and "videoconference" in md
    # positions: one heading per speaker, delegations before briefers and the chair
    heads = re.findall(r"^### (.+)$", md, flags=re.M)
    assert "Mexico" in heads and heads.index("Mexico") < heads.index(next(h for h in heads if h.startswith("Jai Menon")))
    mexico = note.section("Positions by delegation").groups[heads.index("Mexico")]
    assert sorted({p for line in mexico.lines for p in line.paras}) == sorted(
        set(r.statements.query("speaker_id == 'MEX' and meeting_id == '2021-04-13'")["para"]))
    # key figures: numbers of casualties, money, percentages -- not dates or resolution numbers
    figs = {line.text: line.label for line in note.section("Key figures").lines}
    assert any("104 personnel" in t for t in figs)
    assert any("$2.8-million" in t and k == "money" for t, k in figs.items())
    assert any("124 per cent" in t and k == "percentage" for t, k in figs.items())
    assert not any(t.startswith("On 13 April 2021") for t in figs)
    # asks: called for / recommended statements, joint ones once with all co-speakers; and "should" sentences
    asks = note.section("Open asks").lines
    call27 = [a for a in asks if a.paras == [27] and "called for" in a.text]
    assert len(call27) == 1 and "(called for)" in call27[0].label and call27[0].label.count(",") >= 11
    assert any("should" in a.text for a in asks)
    assert any("recommended" in (a.label or "") for a in asks)


def test_filters(r):
    mex = build_note(r, speakers=["MEX"])
    assert [g.title for g in mex.section("Positions by delegation").groups] == ["Mexico"]
    assert build_note(r, speakers=["Mexico"]).to_markdown() == mex.to_markdown()
    covid = build_note(r, themes=["covid19"])
    terms = {t.strip() for ts in r.themes.query("theme == 'covid19'")["terms"] for t in ts.split(";")}
    tagged = set(r.themes.query("theme == 'covid19'")["statement_id"].dropna())
    tagged_texts = list(r.statements[r.statements["statement_id"].isin(tagged)]["text"])
    for line in covid.section("Key figures").lines:
        assert any(t in line.text.lower() for t in terms), line.text
    # positions and asks: the sentence has a theme term, or its statement is tagged with the theme
    for line in covid.section("Open asks").lines + covid.section("Positions by delegation").lines:
        assert any(t in line.text.lower() for t in terms) or any(line.text in st for st in tagged_texts), line.text
    with pytest.raises(NoteError, match="unknown meeting"):
        build_note(r, meeting="1999-01-01")
    with pytest.raises(NoteError, match="unknown theme"):
        build_note(r, themes=["no-such-theme"])
    with pytest.raises(NoteError, match="unknown speaker"):
        build_note(r, speakers=["Atlantis"])


def test_docx_holds_the_same_lines_as_the_markdown(r, tmp_path):
    from docx import Document

    for kwargs in NOTES[:3]:
        note = build_note(r, **kwargs)
        path = tmp_path / "note.docx"
        note.to_docx(path)
        doc = Document(str(path))
        paras = [p.text for p in doc.paragraphs if p.text.strip()]
        md_lines = []
        for line in note.to_markdown().splitlines():
            if not line.strip():
                continue
            line = re.sub(r"^#+ |^- ", "", line).rstrip()
            line = re.sub(r"\*\*(.+?)\*\*", r"\1", line)
            line = re.sub(r"^_(.+)_$", r"\1", line)
            md_lines.append(_unescape_md(line))
        assert paras == md_lines
        bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
        assert len(bullets) == len(note.lines)
        assert doc.core_properties.title.startswith("Briefing note")
    # reproducible bytes
    assert note.docx_bytes() == note.docx_bytes()
    buf = io.BytesIO()
    note.to_docx(buf)
    assert buf.getvalue() == note.docx_bytes()


def _inject(r, text="<script>alert('x')</script> & <b>bold</b>"):
    """A copy of the report whose Mexico statement (and its paragraph) carries HTML."""
    r2 = copy.copy(r)
    r2.paragraphs = r.paragraphs.copy()
    r2.statements = r.statements.copy()
    para = 32
    i = r2.paragraphs.index[r2.paragraphs["para"] == para][0]
    old = r2.paragraphs.at[i, "text"]
    st = r2.statements[(r2.statements["para"] == para) & (r2.statements["speaker_id"] == "MEX")].index[0]
    start = int(r2.statements.at[st, "start"])
    new = old[:start] + "The representative of Mexico called for " + text + " to stop. " + old[start:]
    r2.paragraphs.at[i, "text"] = new
    return r2, text


def test_html_escapes_injected_script(r):
    r2, text = _inject(r)
    note = build_note(r2, speakers=["MEX"])
    assert any(text in line.text for line in note.lines)
    page = note.to_html()
    assert "<script>" not in page and "<b>bold</b>" not in page
    assert html.escape(text) in page
    assert page.startswith("<!DOCTYPE html>")
    frag = note.to_html(standalone=False)
    assert "<script>" not in frag and frag.startswith('<div class="briefing-note">')
    md = note.to_markdown()
    assert "<script>" not in md  # raw HTML in Markdown is escaped too (\<script\>)
    assert any(text in t for _, t, _ in _cited_lines(md))


def test_figure_kind():
    assert figure_kind("Since 2015, China had trained more 1,000 peacekeeping police.") == "personnel"
    assert figure_kind("In 2018, the Secretary-General launched the initiative.") is None
    assert figure_kind("the 2030 Agenda and resolution 34/169 and S/PRST/2001/3") is None
    assert figure_kind("five of the nine heads of police components were women") == "personnel"
    assert figure_kind("the budget was cut by 3 per cent") == "money"


def test_note_on_another_report():
    other = load_text(SYNTHETIC)
    note = build_note(other)
    texts = dict(zip(other.paragraphs["para"], other.paragraphs["text"]))
    lines = _cited_lines(note.to_markdown())
    assert lines
    for _, text, paras in lines:
        assert any(text in texts[p] for p in paras)


def test_cli_note(tmp_path, capsys):
    from kit.cli import main

    assert main(["note", "--meeting", "2021-04-13", "--speaker", "Mexico"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Briefing note:") and "(para. 26)" in out
    for suffix in (".md", ".html", ".docx"):
        assert main(["note", "--theme", "covid19", "--out", str(tmp_path / f"n{suffix}")]) == 0
        assert (tmp_path / f"n{suffix}").stat().st_size > 500
