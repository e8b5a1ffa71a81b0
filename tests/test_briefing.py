"""Briefing notes: invariants on the bundled report and on generated reports, in every rendering.

Nothing here pins a text of the bundled report: every check is a property any note on any report of this
kind must have (quotes verbatim and whole, speakers who speak there, asks that ask, typed figures, the
length of a brief, the documented JSON schema, A4 and real styles in Word, inert report text in HTML).
"""

from __future__ import annotations

import html
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import load_text
from kit.i18n import translator
from kit.teaching.note import CUT_LANG, MAX_WORDS, QUOTED_KINDS, NoteError, build_note, json_schema, note_tables

from .conftest import examples, note_validator
from .generators_kinds import de

# What the issue lists as ask forms; "the need for/to" counts only right after the speaker's own verb.
ASK_WORDS = re.compile(
    r"\bcall(?:ed|s)? (?:for|on|upon)\b|\brecommend|\brequest(?:ed|ing|s (?:that|for))\b|\burg"
    r"(?:ed|es|ing)\b|\bappeal(?:ed|s)? (?:for|to)\b|\bask(?:ed|ing|s)? (?:for|that)\b|\badvocat"
    r"|\bshould\b|\bmust\b|\bwould (?:therefore |also )?be (?:welcome|welcomed|useful|appreciated)"
    r"|\bit was (?:therefore |also )?(?:essential|necessary|imperative|vital|crucial|important) "
    r"(?:to|for|that)\b|\bthere (?:was|is|remained) (?:\w+ )?(?:a )?need (?:to|for)\b|\bneeded to\b.{0,40}\bnamely\b"
    r"|\b(?:underlined|underscored|stressed|emphasized|highlighted|reiterated|pointed to) the "
    r"(?:\w+ )?need (?:to|for)\b|\bencourag(?:e|ed|es|ing)\b.{0,40}\bto\b|\bresponsibility to\b"
    r"|\bopportunit(?:y|ies) to\b",
    re.I,
)
# ... and in French (« a demandé », « devrait », « seraient les bienvenues », « la nécessité de » after the verb)
ASK_WORDS_FR = re.compile(
    r"\b(?:a|ont)\s+(?:\w+ment\s+)?(?:demandé|recommandé|appelé|exhorté|engagé|prié|invité|"
    r"préconisé|plaidé|lancé un appel)\b|\b(?:devrai(?:en)?t|doi(?:ven)?t|devai(?:en)?t|devra|"
    r"devront)\b|\bserai(?:en)?t\b.{0,30}\b(?:bienvenue?s?|utiles?|appréciée?s?)\b|"
    r"\bil\b.{0,20}\b(?:fallait|faudrait|faut|essentiel|indispensable|nécessaire|impératif|vital|"
    r"crucial|important|importait)\b|\bil y (?:avait|a)\b.{0,20}\b(?:lieu|besoin) d|\bà savoir\b|"
    r"\bencourag\w*\b.{0,40}\bà\b|\bresponsabilité d|\bdevoir d|\boccasions? d|"
    r"\b(?:souligné|insisté sur|rappelé|mis en évidence) la (?:\w+ )?nécessité\b",
    re.I,
)
PEOPLE = re.compile(
    r"(?:peacekeepers|personnel|individuals|people|persons|soldiers|officers|troops|women|men|"
    r"girls|boys|children|civilians|staff|members|experts|advisers|advisors|focal points|heads|"
    r"police|policewomen|policemen|observers|contingents|perpetrators|refugees|victims|fatalities|"
    r"deaths|casualties|trainers|trainees|instructors|commanders|nationals|uniformed|workers"
    r"|soldats de la paix|casques bleus|soldats|militaires|officiers|policiers|policières|femmes|"
    r"hommes|agents|membres|individus|personnes|civils|enfants|victimes|morts|décès|blessés|"
    r"conseillers|conseillères|observateurs|contingents|chefs|effectifs|formateurs)"
    r"(?: du personnel)?$",
    re.I,
)
TIME = re.compile(
    r"\b(?:years?|months?|weeks?|days?|decades?|hours?|ans|années?|mois|semaines?|jours?|"
    r"décennies?|heures?)$",
    re.I,
)
SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)\]]*\s+)$")
SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*$")
CUT = re.compile(r"^[\s,;:–—-]*(?:(?:while|and|whereas|but)\b[\s,]*)?$")


@pytest.fixture(scope="module")
def r():
    from kit import load_report

    return load_report()


# ---------------------------------------------------------------------------
# the invariants, on any note of any report


def _statements_at(t, para: int, a: int, b: int) -> list[dict]:
    """Statements of paragraph ``para`` whose span holds ``[a, b)``."""
    return [s for s in t.statements if s["para"] == para and int(s["start"]) <= a and b <= int(s["end"])]


def check_note(note, report, *, meeting: str | None = None) -> None:
    t = note_tables(report)
    data = note.to_dict()
    note_validator().validate(data)  # the note's JSON Schema (the schema itself checked once)
    assert json.loads(note.to_json()) == data

    seen: dict[tuple, str] = {}
    for item in note.items:
        assert item.paras and all(isinstance(p, int) for p in item.paras)
        assert all(p in t.text for p in item.paras), item.paras
        if item.kind not in QUOTED_KINDS:
            continue
        para, a = item.paras[0], item.start
        text, b = t.text[para], item.start + len(item.text)
        # verbatim, at the offset the item gives
        assert text[a:b] == item.text, (para, item.text)
        # whole: it starts and ends at sentence boundaries; a sentence shared with another speaker marks whose
        # part is whose (``own``), cut where the report's attribution cuts it
        assert SENTENCE_START.search(text[:a]) and SENTENCE_END.search(item.text), (para, item.text)
        if item.own:
            a, b = item.start + item.own[0], item.start + item.own[1]
            assert (a, b) != (item.start, item.start + len(item.text))
        own = _statements_at(t, para, a, b)
        starts_ok = SENTENCE_START.search(text[:a]) or any(int(s["start"]) == a for s in own)
        ends_ok = SENTENCE_END.search(text[a:b]) or any(CUT.match(text[b : int(s["end"])]) for s in own)
        assert starts_ok and ends_ok, (para, text[a:b])
        # the speakers speak here: each has a statement holding these very words, and no one else does
        assert {s["speaker_id"] for s in own} == set(item.speaker_ids), (para, item.text, item.speaker_ids)
        for part in item.parts:
            assert t.text[part["para"]][part["start"] : part["start"] + len(part["text"])] == part["text"]
            assert part["para"] in item.paras
            assert {
                s["speaker_id"]
                for s in _statements_at(t, part["para"], part["start"], part["start"] + len(part["text"]))
            } >= set(item.speaker_ids)
        # quoted once: a sentence is not quoted by two key messages, briefings or positions
        if item.kind in ("key_message", "briefing", "position", "purpose"):
            assert item.key not in seen, (para, item.text, seen.get(item.key))
            seen[item.key] = item.kind
        if item.kind == "key_message":
            assert len(item.speaker_ids) >= 2
        if item.kind == "ask":
            verb = own[0]["verb"] if own else ""
            assert (
                ASK_WORDS.search(item.text)
                or ASK_WORDS_FR.search(item.text)
                or re.search(
                    rf"\b{re.escape(verb)}\s+(?:\w+\s+)?(?:the\s+need\s+(?:for|to)\b|la\s+nécessité\s+d(?:e\b|['’]))",
                    item.text,
                )
            ), (para, item.text)
            assert item.form and item.form in item.text
        if item.kind == "figure":
            assert item.figures
            for f in item.figures:
                assert f["text"] in item.text
                phrase = f["text"]
                if f["kind"] == "duration":
                    assert TIME.search(phrase), phrase
                elif f["kind"] in ("personnel", "casualties", "people"):
                    assert PEOPLE.search(phrase), phrase
                elif f["kind"] == "money":
                    assert re.search(r"\$|dollar|euro|franc|million|billion", phrase, re.I), phrase
                elif f["kind"] == "percentage":
                    assert re.search(r"%|per ?cent|pour ?cent", phrase, re.I), phrase
                else:
                    assert f["kind"] == "count" and not TIME.search(phrase) and not PEOPLE.search(phrase), phrase
                assert "carrier" not in phrase
    if meeting:
        m = next(x for x in t.meetings if x["meeting_id"] == meeting)
        if note.lang == CUT_LANG:  # the cut counts these labels; a note in another language keeps the same quotes
            assert note.words() <= MAX_WORDS
        assert all(m["first_para"] <= p <= m["last_para"] for i in note.items for p in i.paras)
    # the renderings say what the model says
    md, page, word = note.to_markdown(), note.to_html(), _docx_text(note)
    md_plain = re.sub(r"\\(.)", r"\1", md)
    page = page.replace("&#39;", "'").replace("&#34;", '"')
    md_plain = md_plain.replace("**", "")
    page = re.sub(r"</?strong[^>]*>", "", page)
    for item in note.items:
        if item.see:
            continue
        assert item.shown in md_plain, item.shown
        assert html.escape(item.shown, quote=False) in page, item.shown
        assert item.shown in word, item.shown
        if item.brief:  # an ask or a figure cut to one line: a verbatim run of words of its own part, its form in it
            a, b = item.brief
            lo, hi = item.own or (0, len(item.text))
            assert lo <= a < b <= hi, (item.text, item.brief)
            assert item.form in item.shown if item.kind == "ask" else any(f["text"] in item.shown for f in item.figures)
            assert (a == 0 or not item.text[a - 1].isalnum()) and (b == len(item.text) or not item.text[b].isalnum())
    check_every_speaker_appears(note, report, md_plain, page, word)
    check_key_figures_kept_or_listed(note, report)


def _selected_speakers(note, t) -> set[str]:
    paras = {p for i in note.items for p in i.paras}
    m = note.heading.get("meeting_id")
    sel = {p["para"] for p in t.paragraphs if not m or p.get("meeting_id") == m}
    wanted = set(note.filters.get("speakers") or ())
    themes = set(note.filters.get("themes") or ())
    if themes:  # a theme filter keeps the speakers of the sentences with the theme: the note's own choice
        return set()
    return (
        {s["speaker_id"] for s in t.statements if s["para"] in sel and (not wanted or s["speaker_id"] in wanted)}
        if paras
        else set()
    )


def check_every_speaker_appears(note, report, md: str, page: str, word: str) -> None:
    """A delegation (a briefer, the Chair) may be cut to one line, never to nothing: every speaker of the selected
    meetings has an item whose words are rendered in every format."""
    t = note_tables(report)
    for sid in _selected_speakers(note, t):
        items = [i for i in note.items if sid in i.speaker_ids and i.quote]
        assert items, (sid, "no line in the note")
        shown = [
            i
            for i in items
            if not i.see and i.shown in md and html.escape(i.shown, quote=False) in page and i.shown in word
        ]
        assert shown or any(i.see for i in items), (sid, "not rendered")


def check_key_figures_kept_or_listed(note, report) -> None:
    """Every figure of kind casualties, money or percentage said in the selection is quoted, or the citations
    say it was cut."""
    from kit.teaching.figures import find_figures

    t = note_tables(report)
    if note.filters.get("themes") or note.filters.get("speakers"):
        return
    m = note.heading.get("meeting_id")
    sel = {p["para"] for p in t.paragraphs if not m or p.get("meeting_id") == m}
    lang = t.metadata.get("lang") or "en"
    listed = {(f["text"], p) for i in note.items if i.kind == "not_quoted" for f in i.figures for p in i.paras}
    for s in t.statements:
        if s["para"] not in sel:
            continue
        for f in find_figures(s["text"], lang):
            if f["kind"] in ("casualties", "money", "percentage"):
                kept = any(i.paras[0] == s["para"] and f["text"] in i.shown for i in note.items if i.quote)
                assert kept or (f["text"], s["para"]) in listed, (s["para"], f["text"])


def _docx_text(note) -> str:
    from docx import Document

    doc = Document(io.BytesIO(note.docx_bytes()))
    return "\n".join(p.text for p in doc.paragraphs)


# ---------------------------------------------------------------------------
# the bundled report


def _meetings(r):
    return list(r.meetings["meeting_id"])


def test_every_meeting_note_keeps_the_invariants(r):
    for meeting in _meetings(r):
        note = build_note(r, meeting=meeting)
        check_note(note, r, meeting=meeting)
        keys = [s.key for s in note.sections]
        assert keys == [
            "purpose",
            "summary",
            "key_messages",
            "briefers",
            "positions",
            "asks",
            "figures",
            "issues",
            "points",
            "citations",
        ]
        for key in ("summary", "issues", "points"):  # the officer's own words go there, with quotes to rest on
            (fill,) = note.section(key).items
            assert fill.kind == "to_fill" and not fill.quote and fill.supports
            quoted = {(s.key, i.paras[0], i.start) for s in note.sections for i in s.items if i.quote}
            assert all((x["section"], x["para"], x["start"]) in quoted for x in fill.supports)
            for shown in (note.to_markdown().replace("\\", ""), html.unescape(note.to_html()), _docx_text(note)):
                assert fill.text in shown and note.section(key).title in shown
        assert note.section("purpose").items and note.section("asks").items
        assert note.heading["meeting_id"] == meeting and note.heading["date"]
        assert note.heading["document"] or note.heading["report_id"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"themes": ["covid19"]},
        {"speakers": ["Mexico", "CHN", "Menon"]},
        {"themes": ["policing"], "speakers": ["UK"]},
    ],
    ids=str,
)
def test_filtered_notes_keep_the_invariants(r, kwargs):
    note = build_note(r, **kwargs)
    check_note(note, r)
    if kwargs.get("speakers"):
        wanted = set(note.filters["speakers"])
        for item in note.items:
            if item.kind in QUOTED_KINDS and item.kind != "purpose":
                assert set(item.speaker_ids) & wanted, item
    if kwargs.get("themes"):  # the quoted sentence is the one that carries the theme
        theme = note.filters["themes"][0]
        terms = {
            x.strip().lower()
            for row in note_tables(r).themes
            if row["theme"] == theme
            for x in str(row["terms"]).split(";")
            if x.strip()
        }
        for item in note.items:
            if item.kind in ("key_message", "position", "ask", "briefing", "figure"):
                assert any(term in item.text.lower() for term in terms), item.text


# ---------------------------------------------------------------------------
# in French: headings, labels, dates and citations translated; quotes still the report's own sentences


def _fr(message: str) -> str:
    from kit.i18n import translator

    return translator("fr").gettext(message)


def test_french_notes_keep_the_invariants_and_speak_french(r, tmp_path, capsys):
    from kit.cli import main
    from kit.i18n import format_date
    from kit.teaching.note import SECTION_TITLES

    for meeting in _meetings(r):
        fr = build_note(r, meeting=meeting, lang="fr")
        check_note(fr, r, meeting=meeting)  # verbatim, whole sentences, speakers who speak there, in every rendering
        assert fr.lang == "fr" and fr.to_dict()["lang"] == "fr"
        # uncut, the same note in French words: the same quotes (the two-page cut counts French words, and themes
        # are listed in the order of their French labels)
        full_en, full_fr = (build_note(r, meeting=meeting, lang=x, max_words=None) for x in ("en", "fr"))
        assert sorted((i.kind, i.text, i.paras) for i in full_fr.items if i.quote) == sorted(
            (i.kind, i.text, i.paras) for i in full_en.items if i.quote
        )
        assert [s.title for s in fr.sections] == [_fr(SECTION_TITLES[s.key]) for s in fr.sections]
        assert all(s.title != SECTION_TITLES[s.key] for s in fr.sections)
        md, page = fr.to_markdown(), fr.to_html()
        when = format_date(fr.heading["date"], "fr")
        assert re.search(
            r"\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
            r"novembre|décembre) \d{4}",
            when,
        )
        assert f"**{_fr('Meeting')}\u00a0:** {when}" in md
        assert '<html lang="fr">' in page and html.escape(when) in page
        for title in SECTION_TITLES.values():  # no English heading left in the French renderings
            assert f"## {title}\n" not in md and f"<h2>{html.escape(title)}</h2>" not in page
        assert "(par. " in md and "(para. " not in md
        assert _fr("Cite as: {citation}").split("{")[0] in md
        # outside the quotes, no English word of the note's own vocabulary: ask verbs and labels
        labels = md
        for item in fr.items:
            if item.quote:
                for words in (item.text, item.shown):
                    labels = labels.replace(words.replace("*", "\\*").replace("_", "\\_"), " ")
                for part in item.parts or []:
                    a, b = part.get("brief") or (0, len(part["text"]))
                    labels = labels.replace(part["text"], " ").replace(part["text"][a:b], " ")
        labels = re.sub(r"^# .*$|^- On \d.*$", " ", labels, flags=re.M)  # the title quotes the report's words
        labels = re.sub(
            re.escape(fr.heading.get("body") or "@@") + "|" + re.escape(fr.heading.get("meeting_title") or "@@"),
            " ",
            labels,
        )
        left = ENGLISH_LABELS.findall(labels)
        assert not left, left
        word = _docx_text(fr)
        assert _fr("Key messages") in word and when in word
    out = tmp_path / "note.json"
    assert main(["note", "--lang", "fr", "--meeting", _meetings(r)[0], "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["lang"] == "fr"
    capsys.readouterr()
    assert main(["note", "--lang", "fr-FR", "--speaker", "Royaume-Uni"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# " + _fr("Briefing note: {subject}").split("{")[0])
    assert f"## {_fr('Key messages')}" in printed


def _note_messages() -> set[str]:
    """Every message the note's modules put through the catalogue: their tables of labels and their gettext calls."""
    import inspect

    import importlib
    import pkgutil

    from kit.teaching import note as note_mod
    from kit.teaching import note_render

    out = set()
    for table in (
        note_mod.SECTION_TITLES,
        note_mod.TO_FILL,
        note_mod.SECTION_EMPTY,
        note_render._SEE,
        note_render.FIGURE_KIND_LABELS,
        note_render.ASK_KIND_LABELS,
    ):
        out |= set(table.values())
    # the note is a package: every module of it
    parts = [importlib.import_module(f"kit.teaching.note.{m.name}") for m in pkgutil.iter_modules(note_mod.__path__)]
    assert len(parts) > 1
    for module in (*parts, note_render):
        out |= set(re.findall(r'(?:N_|gettext)\(\s*"((?:[^"\\]|\\.)+)"\s*\)', inspect.getsource(module)))
    return out


def test_the_french_note_has_no_english_word_of_the_catalogue(r):
    """Outside the report's own words (its quotes, and what the note puts between « »), a French note holds no word
    of the English messages that their French translation does not use: headings, labels, kinds of ask and figure,
    the title, the briefers' titles (``titles.csv``)."""
    fr_ = translator("fr").gettext
    messages = _note_messages()
    french = {w.casefold() for msg in messages for w in re.findall(r"\w+", fr_(msg))}  # "points", "Citations"
    english = {
        w
        for msg in messages
        for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{\w+\}", " ", msg))
        if w.casefold() not in french
    }
    assert {"Asks", "Summary", "Briefers", "casualties", "complete"} <= english  # the check has words to find
    rx = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, english), key=len, reverse=True)) + r")\b")
    for meeting in _meetings(r):
        note = build_note(r, meeting=meeting, lang="fr")
        md = re.sub(r"\\(.)", r"\1", note.to_markdown()).replace("**", "")
        word = _docx_text(note)
        page = html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", note.to_html(), flags=re.S))
        for shown in (md, word, page):
            for item in sorted(note.items, key=lambda i: -len(i.text)):
                if item.quote:
                    for words in (item.text, item.shown):
                        shown = shown.replace(words, " ")
                    for part in item.parts:
                        a, b = part.get("brief") or (0, len(part["text"]))
                        shown = shown.replace(part["text"], " ").replace(part["text"][a:b], " ")
            shown = re.sub(r"«[^»]*»", " ", shown)  # the report's words the note quotes
            left = sorted(set(rx.findall(shown)))
            assert not left, (meeting, left)
            for row in r.speakers.to_dict("records"):  # a briefer's title and office: in French, or quoted
                for words in (row.get("title"), row.get("organization")):
                    if isinstance(words, str) and len(words.split()) > 1:
                        assert not re.search(rf"\b{re.escape(words)}\b", shown), (meeting, words)
                    elif isinstance(words, str) and words:
                        assert not re.search(rf"\({re.escape(words)}\b", shown), (meeting, words)


ENGLISH_LABELS = re.compile(
    r"\b(?:called (?:for|on)|appealed for|requested|recommended|should|must|welcome|"
    r"the need (?:for|to)|namely|encourage\w*|of the Security Council|Member States|"
    r"quoted (?:under|above)|Key messages|Asks|casualties|percentage|money|duration|"
    r"Supporting quotes|to complete|Summary|Issues for|points to make)\b"
)


def test_joint_positions_are_listed_once_with_every_delegation(r):
    note = build_note(r, max_words=None)
    t = note_tables(r)
    groups: dict[tuple, set] = {}
    for s in t.statements:
        groups.setdefault((s["para"], s["group"]), set()).add(s["speaker_id"])
    for item in note.items:
        if item.kind in ("key_message", "position"):
            a, b = item.key[1], item.key[1] + len(item.own_text)
            own = _statements_at(t, item.paras[0], a, b)
            group = groups[(own[0]["para"], own[0]["group"])]
            assert set(item.speaker_ids) == group
    joint = [i for i in note.items if i.kind == "key_message"]
    assert joint and joint == sorted(joint, key=lambda i: -len(i.speaker_ids))


def test_asks_ignore_sentences_that_only_describe_a_need(r):
    note = build_note(r, max_words=None)
    for item in note.section("asks").items:
        assert not re.search(r"\bmindful of the need\b|\bactions needed to\b", item.text)
    # every statement whose reporting verb asks (called for, recommended, requested ...) is an ask in the note
    t = note_tables(r)
    asked = {
        (s["para"], int(s["start"]))
        for s in t.statements
        if re.fullmatch(r"call (?:for|on|upon)|recommend|request|urge|appeal for", s["lemma"] or "")
    }
    listed = {i.key for i in note.items if i.kind == "ask"}
    assert asked <= listed, asked - listed


def test_note_from_the_apps_rows_equals_note_from_pandas(r):
    from kit.views.data import app_report

    rows = app_report()
    for meeting in [None, *_meetings(r)]:
        assert build_note(rows, meeting=meeting).to_dict() == build_note(r, meeting=meeting).to_dict()


def test_a_note_from_the_apps_rows_never_imports_pandas_or_docx():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from kit.views.data import app_report\n"
        "from kit.teaching.note import build_note\n"
        "r = app_report()\n"
        "for m in [None] + [x['meeting_id'] for x in r.meetings]:\n"
        "    n = build_note(r, meeting=m); n.to_markdown(); n.to_html(); n.to_json()\n"
        "print(sorted(x for x in ('pandas', 'docx', 'numpy') if x in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_unknown_filters_are_the_kits_errors(r):
    from kit import ReportError

    for kwargs, what in (
        ({"meeting": "1999-01-01"}, "unknown meeting"),
        ({"themes": ["no-such"]}, "unknown theme"),
        ({"speakers": ["Atlantis"]}, "unknown speaker"),
    ):
        with pytest.raises(NoteError, match=what) as exc:
            build_note(r, **kwargs)
        assert isinstance(exc.value, ReportError)


def test_speaker_names_people_type(r):
    from kit.teaching.speakers import SpeakerNames

    names = SpeakerNames(r.speakers, r.statements)
    for row in r.speakers.itertuples():
        assert names(row.speaker_id) == row.speaker_id
        assert names(row.name) == row.speaker_id
        assert names(f"  the {row.name.upper()} ") == row.speaker_id
        if isinstance(row.honorific, str) and row.speaker_id.startswith("person:"):
            assert names(f"{row.honorific} {row.name.split()[-1]}") == row.speaker_id
    assert names("no such speaker") is None


# ---------------------------------------------------------------------------
# renderings


def test_word_is_a4_with_real_styles(r):
    from docx import Document
    from docx.shared import Mm

    note = build_note(r, meeting=_meetings(r)[-1])
    doc = Document(io.BytesIO(note.docx_bytes()))
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title"
    assert styles.count("Heading 1") == len(note.sections)
    assert "Heading 2" in styles
    n_parts = sum(len(i.parts) for i in note.items)
    assert styles.count("List Bullet") == len(note.items) and styles.count("List Bullet 2") == n_parts
    assert note.docx_bytes() == note.docx_bytes()  # reproducible


def test_html_prints_on_a4_and_keeps_report_text_inert():
    from .conftest import SYNTHETIC

    evil = "<script>alert('x')</script> & <b>bold</b>"
    text = SYNTHETIC.replace("called for more women peacekeepers", f"called for {evil} women peacekeepers")
    assert text != SYNTHETIC
    report = load_text(text)
    note = build_note(report)
    assert any(evil in i.text for i in note.items)
    for page in (note.to_html(), note.to_html(standalone=False)):
        assert "<script>" not in page and "<b>bold</b>" not in page
        assert "&lt;script&gt;" in page
    page = note.to_html()
    assert page.startswith("<!DOCTYPE html>") and re.search(r"@page\s*\{[^}]*size:\s*A4", page)
    assert note.to_html(standalone=False).startswith('<div class="briefing-note">')
    assert "<script>" not in note.to_markdown()
    check_note(note, report)


# ---------------------------------------------------------------------------
# generated reports: hypothesis varies the delegations, their names and who says what

STATES = [
    "Bosnia and Herzegovina",
    "the United Kingdom of Great Britain and Northern Ireland",
    "the Bolivarian Republic of Venezuela",
    "Côte d'Ivoire",
    "Türkiye",
    "the Democratic Republic of the Congo",
    "Saint Vincent and the Grenadines",
    "the Lao People's Democratic Republic",
    "Trinidad and Tobago",
    "the Plurinational State of Bolivia",
    "Ghana",
    "Nepal",
    "Uruguay",
    "the Niger",
]

HEAD = """**Security Council**

Distr.: General
15 January 2023

**Report on the activities of the Security Council Working Group on Peacekeeping Operations for the period from 1 January to 31 December 2022**

**I. Organizational matters**

1. The Permanent Representative of Ghana to the United Nations, Harold Agyeman, was elected Chair of the Working Group.

**II. Missions in transition**

2. On 3 March 2022, the Working Group held a meeting by videoconference on transitions.
3. Briefers included the Under-Secretary-General for Peace Operations, Jean-Pierre Lacroix.
4. Opening the meeting, Mr. Agyeman said that transitions needed planning by peacekeepers and host States.
5. Mr. Lacroix stressed that the protection of civilians remained vital, in line with resolution 2594 (2021). Mr. Lacroix requested support from Member States in three areas. The first area was training. The second area was equipment.
"""

SENTENCES = [
    "The representatives of {group} called for more training of peacekeepers.",
    "The representative of {a} said that {n} peacekeepers had died in 2021, while the representative of {b} "
    "called for support for the African Union.",
    "The representative of {a} noted that armoured personnel carriers had been given to more than {n} "
    "troop-contributing countries. Member States should ensure safe camps.",
    "The representative of {a} stressed the need to hold perpetrators accountable. The Secretariat had been "
    "mindful of the need to analyse capacities over the past {n} years.",
    "The representative of {a} recalled S/RES/2518 (2020). Mr. Lacroix was thanked (para. 5) for a budget of "
    "$1.5 million.",
]


@st.composite
def generated_reports(draw) -> str:
    states = draw(st.lists(st.sampled_from(STATES), min_size=2, max_size=7, unique=True))
    return _generated(
        draw,
        states,
        SENTENCES,
        HEAD,
        " and ",
        "The Chair of the Working Group recommended that such meetings continue.",
    )


def _generated(draw, names: list[str], sentences: list[str], head: str, and_: str, conclusion: str) -> str:
    """A report: ``head``, then one drawn sentence per State (with the next State, a group, a number), then the
    Chair's conclusion; the English and the French generators differ only in their words."""
    paras = []
    for i, a in enumerate(names):
        b = names[(i + 1) % len(names)]
        group = draw(st.lists(st.sampled_from(names), min_size=2, max_size=len(names), unique=True))
        template = draw(st.sampled_from(sentences))
        paras.append(
            template.format(a=a, b=b, n=draw(st.integers(2, 4000)), group=", ".join(group[:-1]) + and_ + group[-1])
        )
    body = "\n".join(f"{6 + i}. {p}" for i, p in enumerate(paras))
    last = 6 + len(paras)
    return head + body + f"\n\n**III. Conclusion**\n\n{last}. {conclusion}\n"


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_reports())
def test_generated_reports_keep_the_invariants(text):
    report = load_text(text)
    meeting = report.meetings["meeting_id"].iloc[0]
    note = build_note(report, meeting=meeting)
    check_note(note, report, meeting=meeting)
    assert note.section("asks").items  # every generated meeting asks something
    # the cut sentence: no item gives one speaker's words to another
    for item in note.items:
        if item.kind in QUOTED_KINDS and "while the representative" in item.own_text:
            pytest.fail(f"an item runs into another speaker's words: {item.text}")
    check_note(build_note(report, max_words=None), report)


# ---------------------------------------------------------------------------
# the command line


def test_cli_note_every_meeting_every_format(r, tmp_path, capsys):
    from kit.cli import main

    import jsonschema

    for meeting in _meetings(r):
        for suffix in (".md", ".html", ".docx", ".json"):
            out = tmp_path / f"{meeting}{suffix}"
            assert main(["note", "--meeting", meeting, "--out", str(out)]) == 0
            assert out.stat().st_size > 500
        data = json.loads((tmp_path / f"{meeting}.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, json_schema())
        assert data["heading"]["meeting_id"] == meeting
        assert (tmp_path / f"{meeting}.docx").read_bytes()[:2] == b"PK"
        assert (tmp_path / f"{meeting}.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    capsys.readouterr()
    assert main(["note", "--meeting", _meetings(r)[0], "--speaker", "Mexico"]) == 0
    assert capsys.readouterr().out.startswith("# Briefing note:")


@pytest.mark.parametrize("out", ["missing-dir/note.md", "note.pdf", "note"])
def test_cli_note_refuses_bad_destinations_without_a_traceback(tmp_path, capsys, out):
    from kit.cli import main

    target = tmp_path / out
    assert main(["note", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit: error:") and "Traceback" not in err and str(target) in err
    assert not target.exists()


# ---------------------------------------------------------------------------
# two A4 pages, as printed


def _tool(name: str) -> str:
    from .conftest import need_tool

    return need_tool(name, "a Debian package; .ci/run installs it")


def _pdf_pages(pdf) -> list[tuple[float, float]]:
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    return [(float(p.mediabox.width) * 25.4 / 72, float(p.mediabox.height) * 25.4 / 72) for p in reader.pages]


@pytest.mark.office  # LibreOffice and Chromium print it
def test_a_meeting_note_prints_on_at_most_two_a4_pages(r, tmp_path):
    import subprocess

    chromium, soffice = _tool("chromium"), _tool("soffice")
    for meeting, lang in [(m, lang) for m in _meetings(r) for lang in ("en", "fr")]:
        note = build_note(r, meeting=meeting, lang=lang)
        meeting = f"{meeting}-{lang}"
        page = tmp_path / f"{meeting}.html"
        page.write_text(note.to_html(), encoding="utf-8")
        pdf = tmp_path / f"{meeting}-html.pdf"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        word = tmp_path / f"{meeting}.docx"
        note.to_docx(word)
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path / "word"),
                str(word),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        for pdf in (pdf, tmp_path / "word" / f"{meeting}.pdf"):
            pages = _pdf_pages(pdf)
            assert 1 <= len(pages) <= 2, (pdf.name, len(pages))
            assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in pages), pages


# ---------------------------------------------------------------------------
# sentence splitting (kit.sentences): what the note's "whole sentence" rests on

PIECES = [
    "Mr. Ladeb said that peacekeeping mattered.",
    "Dr. Lennartz recalled S/RES/2518 (2020).",
    "The representative of Japan announced $2.8 million for training (see para. 29).",
    "Major General Menon said that 1,000.5 tonnes, i.e. most of it, had arrived.",
    "“Peacekeeping is a team effort.”",
    "Casualties rose by 124 per cent in 2020 (S/2021/1086, paras. 26-28).",
    "The Chair asked whether the U.N. presence would continue?",
    "160 peacekeepers from Pakistan had been lost.",
]


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6), st.sampled_from([" ", "  ", "\n"]))
def test_sentence_spans_split_exactly_where_sentences_end(pieces, gap):
    from kit.sentences import sentence_spans

    text = gap.join(pieces)
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == pieces
    assert all(b <= a2 for (_, b), (a2, _) in zip(spans, spans[1:]))


def test_clip_sentences_gives_each_speaker_only_their_words():
    from kit.sentences import clip_sentences, key_sentence

    text = (
        "The representative of Morocco bemoaned the loss of 10 soldiers, while the representative of Pakistan "
        "said that 160 peacekeepers had been lost. The representative of Kenya agreed."
    )
    cut = text.index(", while")
    first = [text[a:b] for a, b in clip_sentences(text, 0, cut)]
    second = [text[a:b] for a, b in clip_sentences(text, text.index("the representative of Pakistan"))]
    assert first == ["The representative of Morocco bemoaned the loss of 10 soldiers"]
    assert second[0].startswith("the representative of Pakistan") and second[0].endswith("been lost.")
    a, b = key_sentence(text, text.index("The representative of Kenya"))
    assert text[a:b] == "The representative of Kenya agreed."


# ---------------------------------------------------------------------------
# French reports: asks and figures read in the report's language (tests/fixtures/asks_*.md: one content, two
# languages, written for the kit in the UN's style)

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def _asks_and_figures(note):
    asks = {(tuple(i.paras), tuple(sorted(i.speaker_ids)), bool(i.addressee)) for i in note.items if i.kind == "ask"}
    figures = {(i.paras[0], tuple(sorted(f["kind"] for f in i.figures))) for i in note.items if i.kind == "figure"}
    return asks, figures


def test_a_french_report_gives_the_asks_and_figures_of_its_english_version():
    from kit import load_report

    en, fr = load_report(FIXTURES / "asks_en.md"), load_report(FIXTURES / "asks_fr.md")
    assert fr.metadata["lang"] == "fr"
    notes = {}
    for report, lang in ((en, "en"), (fr, "fr")):
        for note_lang in ("en", "fr"):  # the note's language does not change what is read in the quotes
            note = build_note(report, max_words=None, lang=note_lang)
            check_note(note, report)
            notes[(lang, note_lang)] = _asks_and_figures(note)
    assert notes[("en", "en")] == notes[("en", "fr")] == notes[("fr", "fr")] == notes[("fr", "en")]
    asks, figures = notes[("fr", "fr")]
    assert asks and figures
    # every statement whose reporting verb asks (its English lemma) is an ask, in both languages
    for report in (en, fr):
        note = build_note(report, max_words=None)
        listed = {i.paras[0] for i in note.items if i.kind == "ask"}
        st = report.statements
        asking = st[st["lemma"].isin(["call for", "call on", "urge", "recommend", "request"])]
        # « a demandé si » (asked whether) has the lemma of « a demandé » (call for) but asks a question
        asked = {
            row.para
            for row in asking.itertuples()
            if not re.search(rf"{re.escape(row.verb)}\s+(?:si|s['’]|whether|if)\b", row.text)
        }
        assert asked <= listed, (report.report_id, asked - listed)
    # figure kinds: a casualty, an amount of money, people who are not personnel
    kinds = {k for _, ks in figures for k in ks}
    assert {"casualties", "money", "people"} <= kinds


def _actors(lang: str) -> list[str]:
    from kit.teaching.asks import ask_phrases

    return [a for a in ask_phrases(lang).get("actor", ()) if a[:1].isupper() or " " in a]


@settings(max_examples=examples(25), deadline=None)
@given(st.data())
def test_a_modal_asks_an_actor_or_prescribes_a_state_and_never_describes_a_thing(data):
    """« le Conseil de sécurité devrait tenir compte » asks; « la composante devait être dotée » prescribes a state;
    "The system should inform planning" (a thing, an active verb) only describes."""
    from kit.teaching.asks import addressee, ask_form, ask_phrases

    lang = data.draw(st.sampled_from(["en", "fr"]))
    modal = data.draw(st.sampled_from(ask_phrases(lang)["modal"]))
    actor = data.draw(st.sampled_from(_actors(lang)))
    actors = {a.lower() for a in ask_phrases(lang)["actor"]}
    thing = data.draw(
        st.sampled_from(
            [
                t
                for t in (
                    ["system", "database", "dashboard", "tool", "report"]
                    if lang == "en"
                    else ["système", "base de données", "outil", "tableau de bord"]
                )
                if t not in actors
            ]
        )
    )
    if lang == "en":
        said = "The representative of Ghana said that the {who} {modal} {verb} operational planning."
        verbs, be = ["inform", "guide", "support"], "be adequately resourced"
    else:
        said = "Le représentant du Ghana a dit que le {who} {modal} {verb} la planification opérationnelle."
        verbs, be = ["éclairer", "guider", "appuyer"], "être dotée de ressources suffisantes"
    verb = data.draw(st.sampled_from(verbs))
    asks = said.format(who=actor, modal=modal, verb=verb)
    assert ask_form(asks, lang=lang) == modal, asks
    assert addressee(asks, lang=lang) and actor in addressee(asks, lang=lang), asks
    describes = said.format(who=thing, modal=modal, verb=verb)
    assert ask_form(describes, lang=lang) is None, describes
    prescribes = (
        said.format(who=thing, modal=modal, verb=be)
        .replace(" operational planning", "")
        .replace(" la planification opérationnelle", "")
    )
    assert ask_form(prescribes, lang=lang) == modal, prescribes


@pytest.mark.parametrize(
    "sentence, form",
    [
        ("Le représentant du Maroc a appelé à un accès équitable aux vaccins.", "a appelé à"),
        ("La représentante de la France a exhorté les États Membres à renforcer la formation.", "a exhorté"),
        ("Le représentant de l'Égypte a dit que la police doit être dotée de moyens suffisants.", "doit"),
        ("Les représentants de l'Inde et du Kenya ont recommandé une formation renforcée.", "ont recommandé"),
        (
            "Le représentant du Japon a dit que des exposés réguliers seraient également très utiles.",
            "seraient également très utiles",
        ),
        ("Le représentant de l'Inde a dit qu'il fallait traduire les auteurs en justice.", "il fallait"),
        ("Le représentant de la Chine a demandé si la mission disposait de moyens suffisants.", None),
        ("Le Secrétariat avait tenu compte de la nécessité d'analyser les capacités.", None),
    ],
)
def test_french_ask_forms(sentence, form):
    from kit.teaching.asks import ask_form

    verb = next((v for v in ("a appelé à", "a exhorté", "ont recommandé", "a demandé", "a dit") if v in sentence), None)
    got = ask_form(sentence, verb, "fr")
    assert got == form
    assert got is None or (got in sentence and ASK_WORDS_FR.search(sentence))


# ---------------------------------------------------------------------------
# the two-page cut keeps who asks whom for what


def _key(item):
    return item.kind, tuple(item.paras), item.start


def check_cut_keeps_addressed_asks(report, meeting=None, lang="en", max_words=MAX_WORDS):
    """When the cut drops anything, no ask that names whom it asks is dropped while a delegation's position
    stays (the order documented in ``kit.teaching.note.cut``)."""
    full = build_note(report, meeting=meeting, lang=lang, max_words=None)
    cut = build_note(report, meeting=meeting, lang=lang, max_words=max_words)
    kept = {_key(i) for i in cut.items}
    dropped = [i for i in full.items if i.quote and _key(i) not in kept]
    addressed_dropped = [i for i in dropped if i.kind == "ask" and i.addressee]
    if addressed_dropped:  # a position stays only as a delegation's one line (a delegation is never cut to nothing)
        lines = {}
        for i in cut.items:
            for sid in i.speaker_ids:
                lines[sid] = lines.get(sid, 0) + 1
        extra = [i for i in cut.items if i.kind == "position" and all(lines[sid] > 1 for sid in i.speaker_ids)]
        assert not extra, (lang, meeting, addressed_dropped[0].text, extra[0].text)
    return full, cut, dropped


def check_every_ask_in_the_note(note, report, meeting: str) -> None:
    """Every sentence the asks finder (:func:`kit.teaching.asks.ask_form`) marks as an ask in the meeting is in the
    note: quoted whole, or cut to a one-line excerpt that holds its form, or one of an ask's parts; and it is
    rendered in Markdown, HTML and Word. Computed from the statements table, not from the note's own choices."""
    from kit.sentences import clip_sentences
    from kit.teaching.asks import ask_form

    t = note_tables(report)
    lang = str(t.metadata.get("lang") or "en")[:2]
    paras = {p["para"] for p in t.paragraphs if p.get("meeting_id") == meeting}
    groups: dict[tuple, list[dict]] = {}
    for row in t.statements:
        if row["para"] in paras:
            groups.setdefault((row["para"], row.get("group") or row["statement_id"]), []).append(row)
    md = re.sub(r"\\(.)", r"\1", note.to_markdown()).replace("**", "")
    page = re.sub(r"</?strong[^>]*>", "", note.to_html().replace("&#39;", "'").replace("&#34;", '"'))
    word = _docx_text(note)
    quoted = [i for i in note.items if i.quote]
    for (para, _), rows in groups.items():
        text = t.text[para]
        start, end = min(int(x["start"]) for x in rows), max(int(x["end"]) for x in rows)
        for a, b in clip_sentences(text, start, end):
            form = ask_form(text[a:b], rows[0].get("verb"), lang, rows[0].get("lemma"))
            if not form:
                continue
            holding = [i for i in quoted if i.paras[0] == para and i.start <= a and b <= i.start + len(i.text)]
            parts = [
                p
                for i in quoted
                for p in i.parts
                if p["para"] == para and p["start"] <= a and b <= p["start"] + len(p["text"])
            ]
            assert holding or parts, (note.lang, para, text[a:b], "an ask left out of the note")
            shown = [i.shown for i in holding if not i.see] + [p["text"] for p in parts]
            seen = [i for i in holding if i.see]
            assert shown or seen, (note.lang, para, text[a:b])
            for words in shown:
                assert words in md and html.escape(words, quote=False) in page and words in word, words
            asks = [i for i in holding if i.kind == "ask" and not i.see]
            assert all(i.form in i.shown for i in asks), (para, [i.shown for i in asks])


def test_every_ask_is_in_the_note_in_both_languages(r):
    """The asks finder's every ask, with every delegation that spoke, within two pages, in English and French."""
    for meeting in _meetings(r):
        for lang in ("en", "fr"):
            note = build_note(r, meeting=meeting, lang=lang)
            check_every_ask_in_the_note(note, r, meeting)
            check_note(note, r, meeting=meeting)
        assert build_note(r, meeting=meeting, lang="en").words() <= MAX_WORDS


@settings(max_examples=examples(8), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_reports(), st.sampled_from(["en", "fr"]))
def test_generated_reports_keep_every_ask(text, lang):
    report = load_text(text)
    for meeting in report.meetings["meeting_id"]:
        check_every_ask_in_the_note(build_note(report, meeting=meeting, lang=lang), report, meeting)


def test_the_cut_prefers_asks_that_name_whom_they_ask(r):
    for meeting in _meetings(r):
        for lang in ("en", "fr"):
            full, cut, dropped = check_cut_keeps_addressed_asks(r, meeting, lang)
            # the cut counts the words of the English labels: the French note keeps exactly what the English keeps
            english = build_note(r, meeting=meeting, lang="en")
            assert english.words() <= MAX_WORDS
            assert sorted((i.kind, i.text, i.paras) for i in cut.items if i.quote) == sorted(
                (i.kind, i.text, i.paras) for i in english.items if i.quote
            )
            if dropped:
                assert [i for i in full.items if i.kind == "ask" and i.addressee]
    # tighter limits force the choice on every meeting
    for meeting in _meetings(r):
        for lang, limit in (("en", 300), ("fr", 500), ("en", 800)):
            check_cut_keeps_addressed_asks(r, meeting, lang, max_words=limit)


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_reports(), st.integers(120, 400), st.sampled_from(["en", "fr"]))
def test_generated_reports_cut_positions_before_addressed_asks(text, limit, lang):
    report = load_text(text)
    meeting = report.meetings["meeting_id"].iloc[0]
    check_cut_keeps_addressed_asks(report, meeting, lang, max_words=limit)


def test_a_theme_resolves_by_id_or_label_in_either_language(r, capsys):
    """« COVID-19 et santé » filters an English report, "COVID-19 and health" a French one."""
    from kit.cli import main
    from kit.gazetteer import read_table

    present = set(r.themes["theme"])
    rows = {row["theme"]: row for row in read_table("themes.csv") if row["theme"] in present}
    assert rows
    for theme, row in sorted(rows.items())[:4]:
        for lang in ("en", "fr"):
            ids = {
                tuple(build_note(r, themes=[x], lang=lang).filters["themes"])
                for x in (theme, row["label"], row["label_fr"], row["label_fr"].upper())
            }
            assert ids == {(theme,)}, (theme, lang, ids)
    theme, row = sorted(rows.items())[0]
    assert main(["note", "--lang", "fr", "--theme", row["label_fr"]]) == 0
    assert row["label_fr"] in capsys.readouterr().out
    fr = load_text((FIXTURES / "asks_fr.md").read_text(encoding="utf-8"))
    for theme in set(fr.themes["theme"]):
        label = next(x["label"] for x in read_table("themes.csv") if x["theme"] == theme)
        assert build_note(fr, themes=[label]).filters["themes"] == [theme]


# ---------------------------------------------------------------------------
# generated French reports: any Member State by its French name and article, the French ask forms

HEAD_FR = """**Conseil de sécurité**

Distr. générale
15 janvier 2023

**Rapport sur les activités du Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix pour la période du 1er janvier au 31 décembre 2022**

**I. Questions d'organisation**

1. Le Représentant permanent du Ghana auprès de l'Organisation des Nations Unies, Harold Agyeman, a été élu Président du Groupe de travail.

**II. Missions en transition**

2. Le 3 mars 2022, le Groupe de travail a tenu une réunion par visioconférence sur les transitions.
3. Parmi les intervenants figurait le Secrétaire général adjoint aux opérations de paix, Jean-Pierre Lacroix.
4. Ouvrant la réunion, M. Agyeman a dit que les transitions exigeaient une planification.
5. M. Lacroix a souligné que la protection des civils restait essentielle. M. Lacroix a demandé l'appui des États Membres dans trois domaines. Le premier domaine était la formation. Le deuxième domaine était l'équipement.
"""

SENTENCES_FR = [
    "Les représentants {group} ont demandé une formation renforcée des soldats de la paix.",
    "Le représentant {a} a dit que {n} membres du personnel étaient morts en 2021, tandis que le représentant {b} "
    "a appelé à soutenir l'Union africaine.",
    "Le représentant {a} a fait observer que des véhicules blindés avaient été fournis à plus de {n} pays. "
    "Les États Membres devraient garantir la sécurité des camps.",
    "Le représentant {a} a souligné la nécessité de traduire les auteurs en justice. Le Secrétariat avait tenu "
    "compte de la nécessité d'analyser les capacités au cours des {n} dernières années.",
    "Le représentant {a} a demandé instamment aux pays hôtes de coopérer. Des exposés réguliers seraient donc "
    "les bienvenus.",
    "Le représentant {a} a dit que le système de suivi devrait éclairer la planification, et qu'une contribution "
    "de 2,5 millions de dollars avait été versée.",
]


@st.composite
def generated_french_reports(draw) -> str:
    from kit.gazetteer import load_gazetteer

    members = [row for row in load_gazetteer(lang="fr").state_rows if row["status"] == "member"]
    rows = draw(st.lists(st.sampled_from(members), min_size=2, max_size=6, unique_by=lambda row: row["iso3"]))
    names = [de(row["fr_running_names"].split("|")[0]) for row in rows]
    return _generated(
        draw,
        names,
        SENTENCES_FR,
        HEAD_FR,
        " et ",
        "Le Président du Groupe de travail a recommandé que de telles réunions se poursuivent.",
    )


@settings(max_examples=examples(8), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_french_reports(), st.integers(150, 1200))
def test_generated_french_reports_keep_the_invariants(text, limit):
    report = load_text(text)
    assert report.metadata["lang"] == "fr"
    meeting = report.meetings["meeting_id"].iloc[0]
    full = build_note(report, meeting=meeting, lang="fr", max_words=None)
    check_note(full, report)
    asks = [i for i in full.items if i.kind == "ask"]
    assert asks  # the Chair's « a recommandé » at least
    for item in asks:
        assert "système de suivi" not in item.text or item.form != "devrait", item.text  # describes, asks no one
    for item in full.items:
        if item.kind == "figure":
            kinds = {f["kind"] for f in item.figures}
            if "étaient morts" in item.text:
                assert "casualties" in kinds, item.text
    check_cut_keeps_addressed_asks(report, meeting, "fr", max_words=limit)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"], ids=["space", "no-break", "narrow"])
def test_french_number_formats_make_figures(space):
    from kit.teaching.figures import find_figures

    cases = {
        f"plus de 4{space}000 soldats de la paix avaient perdu la vie": "casualties",
        "une contribution de 2,8 millions de dollars": "money",
        f"un don de 1{space}500{space}000 dollars": "money",
        f"une hausse de 124{space}% en dix ans": "percentage",
        "12,5 pour cent des effectifs": "percentage",
        f"1{space}200 policiers formés depuis 2015": "personnel",
        "six individus avaient été condamnés": "people",
        "plus de 50 pays fournisseurs de contingents": "count",
        "au cours des 60 dernières années": "duration",
    }
    for text, kind in cases.items():
        sentence = f"Le représentant du Ghana a dit que {text}."
        found = find_figures(sentence, "fr")
        assert found and found[0]["kind"] == kind, (text, found)
        assert found[0]["text"] in sentence and found[0]["text"][0].isalnum()
        number = re.search(r"\d[\d\s\u00a0\u202f,]*\d|\d|six", text).group()
        assert number in found[0]["text"], (number, found[0]["text"])
    # dates, years and resolutions are not figures
    assert find_figures("Le 1er janvier 2021, en 2020, la résolution 2518 (2020) et le 3e rapport.", "fr") == []


# ---------------------------------------------------------------------------
# ask forms a desk officer expects: invented sentences of each form, both languages (asks.csv is the rule)


@pytest.mark.parametrize(
    "lang, sentence, form",
    [
        (
            "en",
            "The Director highlighted the steps that the Secretariat and host States needed to take together, "
            "namely, sharing data and training staff.",
            "needed to take together, namely",
        ),
        (
            "en",
            "The Director said that police-contributing countries were being encouraged to use the new curricula.",
            "encouraged to",
        ),
        ("en", "However, there was a need to improve the early-warning network.", "there was a need to"),
        (
            "en",
            "The representative of Ghana said that the recent ambushes had underlined the need for more to be done.",
            "underlined the need for",
        ),
        ("en", "Ghana would continue to encourage host States to respect the agreements.", "encourage host States to"),
        (
            "en",
            "The Council also had a responsibility to encourage support for national strategies.",
            "had a responsibility to",
        ),
        (
            "en",
            "The summit would provide an excellent opportunity to announce new pledges.",
            "would provide an excellent opportunity to",
        ),
        ("en", "The representative of Ghana said that Ghana was encouraged by the growing consensus.", None),
        ("en", "The Secretariat had been mindful of the need to analyse capacities.", None),
        (
            "fr",
            "Le Directeur a dit que les pays fournisseurs de contingents étaient encouragés à utiliser les supports.",
            "encouragés à",
        ),
        ("fr", "Toutefois, il y avait lieu d'améliorer le réseau d'alerte rapide.", "il y avait lieu d'"),
        (
            "fr",
            "Le Directeur a présenté les mesures que le Secrétariat et les États hôtes devaient prendre ensemble, "
            "à savoir, partager les données et former le personnel.",
            "devaient prendre ensemble, à savoir",
        ),
        (
            "fr",
            "Le représentant du Ghana a dit que les attaques avaient souligné la nécessité d'agir davantage.",
            "souligné la nécessité d'",
        ),
        (
            "fr",
            "Le sommet offrirait une excellente occasion d'annoncer de nouvelles contributions.",
            "excellente occasion d'",
        ),
        (
            "fr",
            "Le sommet offrirait ainsi l'occasion d'annoncer de nouvelles contributions.",
            "offrirait ainsi l'occasion d'",
        ),
        ("fr", "Le représentant du Ghana a dit que le Ghana était encouragé par le consensus croissant.", None),
    ],
)
def test_ask_forms_of_the_desk_officer(lang, sentence, form):
    from kit.teaching.asks import ask_form

    got = ask_form(sentence, "said" if lang == "en" else "a dit", lang)
    assert got == form, (sentence, got)
    if got:
        assert got in sentence and (ASK_WORDS if lang == "en" else ASK_WORDS_FR).search(sentence)


ASK_FORMS_THE_NOTE_MUST_SEE = re.compile(
    r"\bthere was (?:\w+ )?(?:a )?need to\b|\bencouraged to\b|\bnamely\b"
    r"|\bencourage \w+(?: \w+)? to\b",
    re.I,
)


def test_every_statement_with_a_stated_need_an_encouragement_or_a_list_of_actions_asks(r):
    """Every statement sentence containing "there was a need to", "encouraged to" or "..., namely, ..." after "needed
    to" is an ask of the (uncut) note: the forms the trainer found missing are read wherever they stand."""
    from kit.sentences import sentence_spans

    note = {m: build_note(r, meeting=m, max_words=None) for m in _meetings(r)}
    asks = {(i.paras[0], i.start, i.start + len(i.text)) for n in note.values() for i in n.items if i.kind == "ask"}
    t = note_tables(r)
    expected = 0
    for s in t.statements:
        text = t.text[s["para"]]
        for a, b in sentence_spans(text):
            if (
                a < int(s["end"])
                and int(s["start"]) < b
                and ASK_FORMS_THE_NOTE_MUST_SEE.search(text[a:b])
                and not re.search(r"\bencouraged by\b", text[a:b])
            ):
                if "namely" in text[a:b] and "needed to" not in text[a:b]:
                    continue
                expected += 1
                assert any(p == s["para"] and x < b and a < y for p, x, y in asks), (s["para"], text[a:b][:80])
    assert expected  # the bundled report has such sentences
