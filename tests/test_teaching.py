"""The workshop: checker, exercise catalogue, notebooks, solutions on demand, handout and plots."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import unicodedata
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kit import load_text
from kit.teaching.checker import check, expected
from kit.teaching.speakers import initials, state_names
from kit.teaching.exercises import EXERCISES
from kit.teaching.handout import build_handout, questions, write_handout

from .conftest import SYNTHETIC

ROOT = Path(__file__).resolve().parent.parent
WORKSHOP = ROOT / "notebooks" / "workshop"


@pytest.fixture(scope="module")
def r():
    from kit import load_report

    return load_report()


def _forms(value):
    """Equivalent forms of a right answer."""
    if isinstance(value, dict):
        s = pd.Series(value)
        return [value, s, s.sort_values(), s.rename_axis("speaker_id").reset_index(name="n")]
    if isinstance(value, set):
        items = sorted(value, key=str)
        forms = [
            value,
            items,
            items[::-1],
            tuple(items),
            pd.Series(items),
            pd.Series(items[::-1]),
            pd.DataFrame({"x": items}),
            pd.Index(items),
            np.array(items, dtype=object),
        ]
        if all(isinstance(i, int) for i in items):
            forms += [[str(i) for i in items], pd.Series(items, dtype="int64"), [np.int64(i) for i in items]]
        return forms
    return [
        value,
        int(value),
        np.int64(value),
        str(value),
        float(value),
        [value],
        pd.Series([value]),
        pd.DataFrame({"n": [value]}),
    ]


def _ids(kinds):
    return [e for e, x in EXERCISES.items() if x.kind in kinds]


# --- the catalogue ------------------------------------------------------------------


def _solution_code():
    from kit.teaching.workshop_source import NOTEBOOKS

    return {item[1]: item[2] for spec in NOTEBOOKS.values() for item in spec if item[0] == "exercise"}


def test_about_ten_core_exercises_on_a_staircase_the_rest_stretch():
    """The core path climbs one step at a time: a first exercise with no filter, then a filter on its own, before
    any filter + groupby; the rest is stretch."""
    core = [e for e in EXERCISES.values() if e.core]
    assert 8 <= len(core) <= 11
    code = _solution_code()
    steps = [e.id for e in core]
    first = code[steps[0]]
    assert "groupby" not in first and "==" not in first, first  # step 1: count the rows of a table
    filters = [x for x in steps if "==" in code[x] and "groupby" not in code[x]]
    grouped = [x for x in steps if "groupby" in code[x]]
    assert filters and grouped and steps.index(filters[0]) < steps.index(grouped[0])
    assert {e.id[0] for e in core} == {e.id[0] for e in EXERCISES.values()}  # every notebook has core work
    assert any(e.kind == "figure" and e.core for e in EXERCISES.values())  # participants make a chart


@pytest.mark.parametrize("exercise", _ids(("set", "number", "mapping")))
def test_right_answer_accepted_in_every_form(r, exercise):
    want = expected(exercise, r)
    for form in _forms(want):
        res = check(exercise, form, r)
        assert res.status == "correct", (exercise, type(form), res)


@pytest.mark.parametrize(
    "exercise",
    [(e, i) for e, x in EXERCISES.items() for i in range(len(x.mistakes))],
    ids=lambda p: f"{p[0]}-mistake{p[1]}",
)
def test_every_listed_mistake_gives_another_answer_and_its_own_hint(r, exercise):
    """On this report, each common mistake must not pass as correct, and is told what it is."""
    ex_id, i = exercise
    ex = EXERCISES[ex_id]
    mistake = ex.mistakes[i]
    res = check(ex_id, mistake.answer(r), r)
    assert res.status == "wrong", (ex_id, i, res)
    fixed = re.split(r"\{got\}", mistake.hint)
    assert all(part.strip()[:25] in res.message for part in fixed if part.strip()), (ex_id, i, res)


@pytest.mark.parametrize("exercise", _ids(("choice",)))
def test_choice_accepts_ties_alone_together_and_one_row_tables(r, exercise):
    want = expected(exercise, r)
    for item in want:
        assert check(exercise, item, r)
        assert check(exercise, [item], r)
        assert check(exercise, pd.Series([5], index=[item]), r)  # a value_counts().head(1)
        assert check(exercise, pd.DataFrame({"key": [item], "n": [5]}), r)  # a one-row DataFrame
    assert check(exercise, sorted(want, key=str), r)  # every tied answer listed together


def test_choice_with_a_tie_on_another_report():
    other = load_text(SYNTHETIC)
    want = expected("2.4", other)
    if len(want) > 1:
        assert check("2.4", sorted(want), other) and check("2.4", sorted(want)[0], other)


def test_a_value_not_recognised_is_said_so_not_a_sorting_hint(r):
    res = check("2.4", "xyzq", r)
    assert res.status == "wrong" and "do not recognise" in res.message and "descending" not in res.message
    res = check("1.3", ["xyzq", "qqq"], r)
    assert "do not recognise" in res.message


def test_none_is_explained(r):
    for ex in EXERCISES:
        res = check(ex, None, r)
        assert res.status == "wrong" and "print(" in res.message and "inplace=True" in res.message


def test_unanswered(r):
    for ex in EXERCISES:
        res = check(ex, ..., r)
        assert res.status == "unanswered" and "not answered yet" in str(res) and not res


@pytest.mark.parametrize(
    "exercise",
    [(e, i) for e, x in EXERCISES.items() for i in range(len(x.mistakes))],
    ids=lambda p: f"{p[0]}-mistake{p[1]}",
)
def test_the_checker_speaks_french(r, exercise):
    """check(..., lang="fr") gives each mistake's French hint; its words are the French catalogue's."""
    ex_id, i = exercise
    mistake = EXERCISES[ex_id].mistakes[i]
    res = check(ex_id, mistake.answer(r), r, lang="fr")
    hint = _t(mistake.hint, "fr")
    assert hint != mistake.hint and res.status == "wrong"
    assert all(part.strip()[:25] in res.message for part in re.split(r"\{got\}", hint) if part.strip()), res
    assert str(res).startswith(f"✘ {ex_id}\u00a0: ")


def test_the_checker_follows_the_notebooks_language(r):
    from kit.i18n import set_language

    right = expected("1.1", r)
    assert str(check("1.1", right, r, lang="fr")).endswith(_t("correct!", "fr"))
    assert (
        _t("not answered yet (replace the ... with your answer and run the cell again)", "fr")
        in check("1.1", ..., r, lang="fr-FR").message
    )
    assert "pas un nombre" in check("1.1", "abc", r, lang="fr").message
    try:
        set_language("fr")  # what the setup cell of a French notebook does
        assert check("1.3", ["xyzq"], r).message.startswith(
            _t(
                "I do not recognise {shown} as {noun} in this "
                "report. Check the spelling, or use the ids or names "
                "from the tables.",
                "fr",
            )[:20]
        )
        assert check("1.3", ["Royaume-Uni", "xyzq"], r).lang == "fr"
    finally:
        set_language(None)
    assert check("1.1", right, r).message == "correct!"


def test_wrong_answers_reveal_no_number_but_the_participants_own(r):
    """A hint never prints a count of the expected answer (which is another exercise's answer)."""
    for ex_id, ex in EXERCISES.items():
        want = expected(ex_id, r)
        if ex.kind in ("set", "choice"):
            one = sorted(want, key=str)[:1]
            for answer in ([], one + ["xyzq"]):
                msg = check(ex_id, answer, r).message
                numbers = set(re.findall(r"\d+", msg)) - set(re.findall(r"\d+", str(answer)))
                if len(want) > 2:
                    assert str(len(want)) not in numbers, (ex_id, msg)
        if ex.kind == "number":
            msg = check(ex_id, int(want) + 1000, r).message
            assert str(want) not in re.findall(r"\d+", msg), (ex_id, msg)


def test_the_reports_own_name_forms_are_accepted(r):
    from kit.gazetteer import load_gazetteer

    briefers = r.speakers[r.speakers["kind"] == "briefer"]
    for b in briefers.itertuples():
        surname = b.name.split()[-1]
        plain = "".join(c for c in unicodedata.normalize("NFKD", b.name) if not unicodedata.combining(c))
        for form in (f"{b.honorific} {surname}", surname, plain, b.name.upper()):
            assert check("1.5", [form if x == b.speaker_id else x for x in expected("1.5", r)], r), form
    # short forms of the states from the reference table ("UK", "US")
    states = {row["iso3"]: row for row in load_gazetteer().state_rows}
    delegations = expected("1.3", r)
    for iso in delegations:
        for name in state_names(states[iso]):
            assert check("1.3", [name if x == iso else x for x in delegations], r), name
    # host countries by name, by initials ("DRC", "CAR"), missions by full name, resolutions by number
    hosts = expected("3.4", r)
    assert check(
        "3.4", [initials(states[h]["un_name"]) if len(initials(states[h]["un_name"])) > 2 else h for h in hosts], r
    )
    missions = {row["acronym"]: row["name"] for row in load_gazetteer().mission_rows}
    assert check("3.1", [missions[m] for m in expected("3.1", r)], r)
    numbers = [int(re.search(r"/(\d+)", k).group(1)) for k in expected("3.6", r)]
    assert check("3.6", numbers, r) and check("3.6", [str(n) for n in numbers], r)
    assert check("1.2", [f"para. {p}" for p in expected("1.2", r)], r)


def test_a_set_near_everyone_is_wrong(r):
    """No 'which delegations' question is answered by naming them all (2.3 used to be 16 of 17)."""
    everyone = set(r.speakers.loc[r.speakers["kind"] == "member_state", "speaker_id"])
    for ex_id in ("2.3", "4.2"):
        assert len(expected(ex_id, r)) < len(everyone) - 2
        assert not check(ex_id, everyone, r)


def test_figure_exercise_reads_the_chart(r):
    import plotly.express as px

    st = r.statements[r.statements["speaker_kind"] == "member_state"]
    per = st.groupby("speaker")["para"].nunique()
    assert check("1.7", px.bar(per), r)
    assert check("1.7", px.bar(per.reset_index(), x="para", y="speaker", orientation="h"), r)
    assert not check("1.7", per, r) and "chart" in check("1.7", per, r).message
    res = check("1.7", px.bar(st["speaker"].value_counts()), r)
    assert res.status == "wrong" and "statements" in res.message


def test_progress_file_gets_one_json_line_per_checked_answer(r, tmp_path, monkeypatch):
    log = tmp_path / "progress.jsonl"
    monkeypatch.setenv("KIT_PROGRESS_FILE", str(log))
    check("1.1", ..., r)  # not an answer: not recorded
    check("1.1", -1, r)
    check("1.1", expected("1.1", r), r)
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert [(x["exercise"], x["correct"]) for x in lines] == [("1.1", False), ("1.1", True)]
    for x in lines:
        assert set(x) == {"exercise", "correct", "time"} and datetime.fromisoformat(x["time"]).tzinfo


def test_exercises_follow_the_report_they_are_given():
    other = load_text(SYNTHETIC)
    assert expected("1.1", other) == len(other.meetings)
    assert check("1.1", len(other.meetings), other) and not check("1.1", len(other.meetings) + 1, other)
    assert expected("1.5", other) == set(other.speakers.query("kind == 'briefer'")["speaker_id"])
    for ex in EXERCISES:
        check(ex, ..., other)
        expected(ex, other)


# --- the notebooks ------------------------------------------------------------------


def _notebooks(folder: Path) -> dict:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.ipynb"))}


def _check_cells(nb):
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if cell["cell_type"] == "code" and re.search(r'^check\("', src, re.M):
            out = "".join(
                "".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                for o in cell.get("outputs", [])
            )
            yield re.search(r'check\("([^"]+)"', src).group(1), src, out


def _t(message: str, lang: str) -> str:
    from kit.i18n import translator

    return translator(lang).gettext(message)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_participant_notebooks_hold_no_answers_and_use_every_exercise(lang):
    from kit.teaching.workshop_source import LANG_FOLDERS, NOTEBOOKS

    participants = _notebooks(WORKSHOP / LANG_FOLDERS[lang])
    assert set(participants) == set(NOTEBOOKS)
    seen = set()
    unanswered = _t("not answered yet (replace the ... with your answer and run the cell again)", lang)
    for name, nb in participants.items():
        for ex, src, out in _check_cells(nb):
            seen.add(ex)
            assert src.startswith("answer = ...\n"), (name, src)
            assert unanswered in out and _t("correct!", lang) not in out, (name, out)
        top = "".join(nb["cells"][0]["source"])
        assert top.startswith("# ") and _t("**Objectives** -- by the end you can:", lang) in top, name
        assert _t("**Key points**", lang) in top, name
        tagged = [c for c in nb["cells"] if "nbval-ignore-output" in c.get("metadata", {}).get("tags", [])]
        assert tagged, f"{name} has a plotting step"
        for c in tagged:  # only figure outputs are left out of nbval
            assert all("application/vnd.plotly.v1+json" in o.get("data", {}) for o in c["outputs"]), name
    assert seen == set(EXERCISES)


def test_solutions_are_not_in_the_repository_nor_served():
    assert not list((ROOT / "notebooks").rglob("solutions"))
    for p in (ROOT / "notebooks").rglob("*.ipynb"):
        assert "answer = ..." in p.read_text(encoding="utf-8") or "check(" not in p.read_text(encoding="utf-8")


def test_figures_point_to_no_cdn():
    for p in WORKSHOP.rglob("*.ipynb"):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"https?://(cdn\.|[^\"]*plot\.ly)", text), p.name


@pytest.mark.parametrize("lang, guide_name", [("en", "TRAINER_GUIDE.md"), ("fr", "GUIDE_FORMATEUR.md")])
def test_notebook_timings_match_the_trainer_guides_agenda(lang, guide_name):
    from kit.teaching.workshop_source import AGENDA, LANG_FOLDERS

    guide = (WORKSHOP / guide_name).read_text(encoding="utf-8")
    folder = LANG_FOLDERS[lang]
    for name, (start, end) in AGENDA.items():
        path = f"{name}.ipynb" if folder == "." else f"{folder}/{name}.ipynb"
        row = next(line for line in guide.splitlines() if line.startswith("|") and f"`{path}`" in line)
        assert re.search(rf"\|\s*{start}\s*[–-]\s*{end}\s*\|", row), (name, row)
        nb = json.loads((WORKSHOP / folder / f"{name}.ipynb").read_text(encoding="utf-8"))
        header = "".join(nb["cells"][0]["source"])
        assert f"{start}–{end}" in header and header.count("**") >= 6, name


@pytest.mark.parametrize("guide_name", ["TRAINER_GUIDE.md", "GUIDE_FORMATEUR.md"])
def test_the_agenda_fits_90_minutes_with_time_to_discuss(guide_name):
    """Blocks follow each other from 0:00 to 1:30; each notebook's block is split into walk-through, pairs and
    discussion (the same split in the notebook's header, the source and the guide), with time to discuss."""
    from kit.teaching.workshop_source import AGENDA, MINUTES, block_minutes

    guide = (WORKSHOP / guide_name).read_text(encoding="utf-8")
    rows = [line for line in guide.splitlines() if re.match(r"\|\s*\d:\d\d\s*[–-]\s*\d:\d\d\s*\|", line)]
    times = [re.match(r"\|\s*(\d):(\d\d)\s*[–-]\s*(\d):(\d\d)", row).groups() for row in rows]
    spans = [(int(a) * 60 + int(b), int(c) * 60 + int(d)) for a, b, c, d in times]
    assert spans[0][0] == 0 and spans[-1][1] == 90, spans
    assert all(prev[1] == nxt[0] for prev, nxt in zip(spans, spans[1:])), spans
    for name in AGENDA:
        walk, pairs, discuss = MINUTES[name]
        assert walk + pairs + discuss == block_minutes(name) and discuss >= 2 and pairs >= 2 * walk, name
        row = next(row for row in rows if f"{name}.ipynb" in row)
        assert re.search(rf"\|\s*{walk} / {pairs} / {discuss}\s*\|", row), row
        assert len(row.split("|")) >= 8 and row.split("|")[-2].strip(), row  # what to cut when the room is slow


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_committed_notebooks_are_what_the_source_builds(lang):
    """Each committed participant notebook is ``workshop_source.notebook(name, lang=...)``: rebuild with
    ``notebooks/workshop/build_notebooks.py`` (and re-execute) after editing the source or the catalogue."""
    from kit.teaching.workshop_source import LANG_FOLDERS, NOTEBOOKS, notebook

    committed = _notebooks(WORKSHOP / LANG_FOLDERS[lang])
    for name in NOTEBOOKS:
        built = notebook(name, lang=lang)
        assert ["".join(c["source"]) for c in committed[name]["cells"]] == [c.source for c in built.cells], name


def _no_strings(code: str) -> str:
    """``code`` with the text of its double-quoted strings left out."""
    return re.sub(r'"[^"\n]*"', '""', code)


def test_french_notebooks_are_the_english_cells_in_french():
    """One source: the French set has the same cells, the same code (but the setup), translated prose."""
    from kit.teaching.workshop_source import NOTEBOOKS

    en, fr = _notebooks(WORKSHOP), _notebooks(WORKSHOP / "fr")
    for name in NOTEBOOKS:
        a, b = en[name]["cells"], fr[name]["cells"]
        assert [c["cell_type"] for c in a] == [c["cell_type"] for c in b], name
        for x, y in zip(a, b):
            sx, sy = "".join(x["source"]), "".join(y["source"])
            if x["cell_type"] == "code" and "load_report()" not in sx:  # the same code; chart titles translated
                assert _no_strings(sx) == _no_strings(sy), name
            elif x["cell_type"] == "code":
                assert "set_language('fr')" in sy and "set_language" not in sx
            else:
                assert sx != sy, (name, sx[:80])  # every Markdown cell is translated
        assert fr[name]["metadata"]["kit"]["lang"] == "fr"


def test_the_french_guide_covers_what_the_english_one_does():
    guide = re.sub(r"\s+", " ", (WORKSHOP / "GUIDE_FORMATEUR.md").read_text(encoding="utf-8"))
    for needed in (
        "Binder",
        "kit workshop --lang fr",
        "kit serve",
        "kit solutions --lang fr",
        "kit handout --lang fr",
        "kit notebooks --lang fr",
        "kit note --lang fr",
        "Pause",
        "--progress",
        "En cas de problème",
        "fr/01_who_spoke.ipynb",
        "and the police-contributing countries",
    ):
        assert needed in guide, needed
    for m in re.finditer(r"déclaration commune|parlé ensemble", guide):  # only to say the report does not
        assert re.search(r"\b(?:ne|pas|ni)\b", guide[max(0, m.start() - 80) : m.start()]), guide[
            m.start() - 80 : m.end()
        ]


def test_trainer_guide_covers_the_three_rooms_and_the_corrected_facts():
    guide = re.sub(r"\s+", " ", (WORKSHOP / "TRAINER_GUIDE.md").read_text(encoding="utf-8"))
    for needed in (
        "Binder",
        "kit workshop",
        "kit serve",
        "own install",
        "kit solutions",
        "kit handout",
        "kit notebooks",
        "Break",
        "--progress",
        "If something breaks",
        "and the police-contributing countries",
    ):
        assert needed in guide, needed
    assert "only recommendation of the Working Group" not in guide
    for m in re.finditer(r"joint statement|spoke together", guide, re.I):  # only to say the report does not
        assert re.search(r"\bnot\b", guide[max(0, m.start() - 60) : m.start()]), guide[m.start() - 60 : m.end()]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_solutions_pass_every_check_when_run(tmp_path, lang):
    """The participant notebooks, run with the solutions' answers, pass every check (in French, in French)."""
    import nbformat
    from nbclient import NotebookClient

    from kit.cli import main

    assert main(["solutions", "--lang", lang, "--out", str(tmp_path)]) == 0
    written = sorted(tmp_path.glob("*.ipynb"))
    assert [p.stem for p in written] == sorted(p.stem for p in WORKSHOP.glob("*.ipynb"))
    seen = set()
    for path in written:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
        for ex, src, out in _check_cells(nb):
            seen.add(ex)
            assert "answer = ...\n" not in src and out.startswith("✔") and _t("correct!", lang) in out, (
                path.name,
                ex,
                out,
            )
    assert seen == set(EXERCISES)


# --- plots --------------------------------------------------------------------------


def test_plots_make_figures_and_the_apps_do_not_import_them(r):
    from kit import plots
    from kit.teaching import ASK_LEMMAS

    for fig in (
        plots.statements_per_delegation(r),
        plots.themes_by_meeting(r),
        plots.missions_by_host(r),
        plots.asks_by_speaker(r, ASK_LEMMAS),
    ):
        assert fig.data and fig.layout.title.text
        assert not any(t.type.startswith(("scattergeo", "choropleth")) for t in fig.data)  # no map outline from a CDN
    for p in (ROOT / "kit" / "views").rglob("*.py"):
        assert not re.search(r"^\s*(from|import)\s+(kit\.|\.\.)plots", p.read_text(encoding="utf-8"), re.M), p


# --- handout ------------------------------------------------------------------------


def test_handout_prints_on_a4_with_questions_and_key_on_their_own_pages(r, tmp_path):
    page = build_handout(r)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", page)
    assert re.search(r"\.questions, \.answers\s*\{[^}]*break-before:\s*page", page)
    q_at, key_at = page.index('<section class="questions">'), page.index('<section class="answers">')
    assert q_at < key_at
    qs = questions(r)
    assert len(qs) >= 6
    assert page[q_at:key_at].count('<div class="write">') == len(qs)  # room to write under each question
    for q in qs:
        assert html.escape(q["question"], quote=False) in page[q_at:key_at].replace("&#39;", "'")
        assert html.escape(q["answer"], quote=False).replace("'", "&#39;") in page[key_at:]
        for p in q["paras"]:
            assert p in set(r.paragraphs["para"])
    out = write_handout(r, tmp_path / "h.html")
    assert out.read_text(encoding="utf-8") == page


def test_handout_answers_name_who_said_it_and_ask_only_what_the_report_states(r):
    qs = questions(r)
    for q in qs:
        if "“" in q["answer"]:  # every quote in the key says whose words it is
            for quote in re.finditer("“", q["answer"]):
                before = q["answer"][: quote.start()].rsplit("”", 1)[-1]
                assert re.search(r"\w", before), q
        if "format" in q["question"]:
            m = r.meetings[r.meetings["first_para"] == q["paras"][0]].iloc[0]
            assert isinstance(m["format"], str) and m["format"]
    assert "spoke together in this paragraph" not in " ".join(q["question"] for q in qs)


def test_handout_in_french(r, tmp_path):
    from kit.cli import main
    from kit.i18n import format_date

    page = build_handout(r, lang="fr")
    assert '<html lang="fr">' in page
    for heading in ("The meetings", "Who spoke most", "Questions", "Answer key"):
        assert f"<h2>{html.escape(_t(heading, 'fr'))}</h2>" in page.replace("&#39;", "'")
        if _t(heading, "fr") != heading:
            assert f"<h2>{heading}</h2>" not in page
    for m in r.meetings.itertuples():
        assert f"<td>{format_date(m.date, 'fr')}</td>" in page
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"]))
    qs, english = questions(r, lang="fr"), questions(r)
    assert len(qs) == len(english)
    for q, q_en in zip(qs, english):
        assert q["paras"] == q_en["paras"] and q["question"] != q_en["question"]
        assert "“" not in q["answer"] and "”" not in q["answer"], q["answer"]  # French quotation marks
        for quote in re.findall("«\u00a0(.+?)\u00a0»", q["answer"]):  # quotes stay the report's own words, whole
            assert quote in q_en["answer"] and any(quote in texts[p] for p in q["paras"] or texts), quote
    assert "(par. " in page or "par. " in page
    out = tmp_path / "document.html"
    assert main(["handout", "--lang", "fr", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == page


def _persons(report):
    return [
        n for sid, n in zip(report.speakers["speaker_id"], report.speakers["name"]) if str(sid).startswith("person:")
    ]


@pytest.mark.parametrize("source", ["bundled", "excerpt_fr", "synthetic"])
def test_handout_answer_key_cites_paragraphs_that_name_who_it_names(r, source):
    """Every person an answer names is named (by surname) in a paragraph that the question cites, in both languages."""
    from pathlib import Path

    report = {
        "bundled": lambda: r,
        "synthetic": lambda: load_text(SYNTHETIC),
        "excerpt_fr": lambda: load_text(
            (Path(__file__).parent / "fixtures" / "wgpko_excerpt_fr.md").read_text(encoding="utf-8")
        ),
    }[source]()
    texts = dict(zip(report.paragraphs["para"], report.paragraphs["text"]))
    checked = 0
    for lang in ("en", "fr"):
        for q in questions(report, lang=lang):
            for name in _persons(report):
                if q["paras"] and name in q["answer"]:
                    surname = name.split()[-1]
                    assert any(surname in texts[p] for p in q["paras"]), (lang, q["question"], name, q["paras"])
                    checked += 1
    assert checked


def test_french_handout_speaks_french_around_the_reports_words(r):
    """The meeting format, the chair's State and the quotation marks are French; the quotes stay verbatim."""
    from kit.gazetteer import load_gazetteer
    from kit.teaching.asks import addressee, ask_form
    from kit.display import meeting_format

    page = build_handout(r, lang="fr")
    for m in r.meetings.itertuples():
        if isinstance(m.format, str) and m.format:
            fr = meeting_format(m.format, "fr")
            assert fr != m.format and f"<td>{fr}</td>" in page
    chair = r.speakers[r.speakers["kind"] == "chair"]
    qs = questions(r, lang="fr")
    if len(chair) and isinstance(chair.iloc[0]["represents_iso3"], str):
        state = load_gazetteer().state(chair.iloc[0]["represents_iso3"])
        answer = next(q["answer"] for q in qs if q["answer"].startswith(str(r.metadata["chair"])))
        assert state["fr_name"] in answer and state["un_name"] not in answer, answer
    for q in qs:
        if "format" in q["question"] or "forme" in q["question"]:
            assert "videoconference" not in q["answer"]
    # "who should do what": a sentence asking an actor, not one describing a thing ("The system should inform ...")
    lang = r.metadata["lang"]
    should = [q for q in questions(r) if q["id"] == "should"]
    assert should
    for q in should:
        who, sentence = q["answer"].split(": “", 1)
        sentence = sentence.rstrip("”")
        assert ask_form(sentence, lang=lang) and addressee(sentence, lang=lang), sentence
        # whose words: the speaker of the statement the sentence belongs to, not the report's own recommendation
        text = r.paragraphs.loc[r.paragraphs["para"] == q["paras"][0], "text"].iloc[0]
        at = text.index(sentence)
        st = r.statements[
            (r.statements["para"] == q["paras"][0]) & (r.statements["start"] <= at) & (r.statements["end"] > at)
        ]
        assert len(st) and all(word in who for word in str(st.iloc[0]["speaker"]).split()[-1:]), (who, st)


def test_handout_questions_are_a_registry_and_cite_where_the_answer_is(r):
    """Each question comes from one registry entry; the paragraphs a "who briefed" question cites name the briefers
    (the meeting's first paragraph too), and a figure question counts every figure of its kind in the paragraph."""
    from kit.teaching.briefing import figure_kind
    from kit.teaching.handout import QUESTIONS
    from kit.sentences import sentence_spans

    ids = [entry.id for entry in QUESTIONS]
    assert len(ids) == len(set(ids)) >= 6
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"]))
    qs = questions(r)
    assert {q["id"] for q in qs} >= {"chair", "meeting", "briefers", "figure", "should"}
    for q in qs:
        if q["id"] == "briefers":
            assert "after" not in q["question"]
            for name in q["answer"].split(", "):
                assert any(name.split()[-1] in texts[p] for p in q["paras"]), (name, q)
        if q["id"] == "figure":
            p = q["paras"][0]
            kinds = [figure_kind(texts[p][s:e]) for s, e in sentence_spans(texts[p])]
            kind = next(
                k
                for k in ("casualties", "money", "percentage")
                if k in q["question"] or (k == "percentage" and "percentage" in q["question"])
            )
            n = kinds.count(kind)
            assert q["answer"].count("“") == n, q
            assert (str(n) in q["question"]) == (n > 1), q


def test_the_french_handout_names_missions_as_french_readers_do(r):
    from kit.gazetteer import load_gazetteer

    page = build_handout(r, lang="fr")
    rows = {row["acronym"]: row for row in load_gazetteer().mission_rows}
    for key in set(r.mentions.loc[r.mentions["kind"] == "mission", "key"]):
        fr = rows.get(key, {}).get("fr_acronym")
        if fr and fr != key:
            assert fr in page and not re.search(rf"\b{key}\b", page.split('<section class="questions">')[0]), key


def test_handout_of_a_french_report_asks_what_its_english_version_asks():
    """Figures, asks and "who should do what" are read in the report's language: one content in two languages gives
    the same questions on the same paragraphs."""
    from pathlib import Path

    folder = Path(__file__).parent / "fixtures"
    en, fr = (load_text((folder / f"asks_{x}.md").read_text(encoding="utf-8")) for x in ("en", "fr"))
    for lang in ("en", "fr"):
        q_en, q_fr = questions(en, lang=lang), questions(fr, lang=lang)
        assert [q["question"] for q in q_en] == [q["question"] for q in q_fr]
        assert [q["paras"] for q in q_en] == [q["paras"] for q in q_fr]
    assert any("casualties" in q["question"] for q in questions(fr))


def test_handout_escapes_report_text(r):
    import copy

    r2 = copy.copy(r)
    r2.meetings = r.meetings.copy()
    r2.meetings.loc[0, "title"] = "<script>alert(1)</script>"
    page = build_handout(r2)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_handout_on_another_report():
    page = build_handout(load_text(SYNTHETIC))
    assert "Answer key" in page


@pytest.mark.browser
def test_workshop_figures_render_in_jupyterlab_without_internet(tmp_path, browser):
    """A workshop notebook opened in JupyterLab draws its plotly figure, and the page asks nothing of the internet."""
    import subprocess
    import sys

    from kit.serve import stop_process_group
    from kit.testing import free_port, wait_until_serving

    port, token = free_port(), "workshop-test"
    root = tmp_path / "room"
    root.mkdir()
    shutil.copy(WORKSHOP / "01_who_spoke.ipynb", root)  # JupyterLab writes checkpoints next to what it opens
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)},
    )
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/api/status?token={token}", server, timeout=120)
        outside: list[str] = []
        context = browser.new_context()
        page = context.new_page()

        def route(rt):
            if rt.request.url.startswith((f"http://127.0.0.1:{port}", "data:", "blob:")):
                rt.continue_()
            else:
                outside.append(rt.request.url)
                rt.abort()

        page.route("**/*", route)
        page.goto(f"http://127.0.0.1:{port}/lab/tree/01_who_spoke.ipynb?token={token}")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
        assert page.locator(".js-plotly-plot").count() >= 1
        context.close()
        assert not outside, outside
    finally:
        stop_process_group(server)


# --- name forms, tied tables, typed text, unknown ids, no confirmation of another answer -------------------


@pytest.fixture(scope="module", params=["bundled", "generated", "french"])
def any_report(request, r):
    """The bundled report, a generated one (other speakers, missions, resolutions) and a French one."""
    if request.param == "bundled":
        return r
    if request.param == "generated":
        return load_text(SYNTHETIC)
    from kit import load_report

    return load_report(ROOT / "tests" / "fixtures" / "wgpko_excerpt_fr.md")


def _swap(want, old, new):
    return [new if x == old else x for x in sorted(want, key=str)]


def _reference(name):
    from kit.gazetteer import read_table

    return read_table(name)


def _person_forms(row):
    """Every way the reference tables let a person be written: each honorific of honorifics.csv (English and
    French), a French one with its article, a bracketed qualifier after it, before the full name, the name without
    accents, or the surname."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", row["name"]) if not unicodedata.combining(c))
    names = [row["name"], plain, row["name"].split()[-1]]
    forms = list(names)
    for h in _reference("honorifics.csv"):
        articles = ["", "le ", "la "] if h["lang"] == "fr" else [""]
        parens = ["", "(à la retraite) "] if h["lang"] == "fr" else ["", "(retired) "]
        forms += [f"{a}{h['honorific']} {p}{n}" for a in articles for p in parens for n in names]
    return forms


def test_every_persons_form_is_read(any_report):
    """Each person of the report, by each form the honorific table allows ("Major General (retired) Jai Menon",
    « le général de division Menon », "Dr. Lennartz", "M. Carrilho", "Luis Carrilho")."""
    from kit.teaching.checker import canon_for

    canon = canon_for("speaker", any_report)
    people = any_report.speakers[any_report.speakers["speaker_id"].str.startswith("person:")]
    assert len(people)
    for row in people.to_dict("records"):
        wrong = [f for f in _person_forms(row) if canon(f) != row["speaker_id"]]
        assert not wrong, (row["speaker_id"], wrong[:5])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_briefers_by_their_own_and_french_forms(any_report, lang):
    """Each briefer by the report's own honorific with a bracketed qualifier ("Major General (retired) Jai Menon"),
    and by the French rank that honorifics.csv gives for it, with its article (« le général de division Menon »)."""
    want = expected("1.5", any_report)
    people = any_report.speakers.set_index("speaker_id")
    rows = _reference("honorifics.csv")
    for sid in want:
        row = people.loc[sid]
        surname = row["name"].split()[-1]
        own = row["honorific"] if isinstance(row["honorific"], str) else ""
        french = [h["honorific"] for h in rows if h["lang"] == "fr" and f"({own})" in h["note"]] or ["M."]
        forms = {
            f"{own} (retired) {row['name']}",
            f"{own} {surname}".strip(),
            row["name"].upper(),
            *(f"le {h} {surname}" for h in french),
            *(f"{h} (à la retraite) {row['name']}" for h in french),
        }
        for form in forms:
            res = check("1.5", _swap(want, sid, form), any_report, lang=lang)
            assert res, (form, res)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_missions_by_every_form_of_the_reference_table(any_report, lang):
    """English and French acronyms and full names of missions.csv (MINUSS, « Mission des Nations Unies au Soudan
    du Sud »), with an article, and the report's own words for them."""
    rows = {row["acronym"]: row for row in _reference("missions.csv")}
    want = expected("3.1", any_report)
    surfaces = any_report.mentions[any_report.mentions["kind"] == "mission"]
    assert want
    for m in want:
        row = rows[m]
        names = [
            row["acronym"],
            row["fr_acronym"],
            row["name"],
            row["fr_name"],
            *row["alt_names"].split("|"),
            *row["fr_alt_names"].split("|"),
            *surfaces.loc[surfaces["key"] == m, "surface"],
        ]
        forms = [n for n in names if n] + [f"the {row['name']}", f"la {row['fr_name']}", f"la {row['fr_acronym']}"]
        for form in forms:
            res = check("3.1", _swap(want, m, form), any_report, lang=lang)
            assert res, (form, res)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_countries_by_every_form_of_the_reference_tables(any_report, lang):
    """Every name, short form and abbreviation row of a State, English or French (« RDC », « RCA », « le
    Royaume-Uni », « Royaume-Uni »), for the hosts (3.4) and the delegations (1.3)."""
    from kit.teaching.speakers import country_forms

    states = {row["iso3"]: row for row in _reference("member_states.csv")}
    abbreviations = {}
    for row in _reference("abbreviations.csv"):
        if row["kind"] == "country":
            abbreviations.setdefault(row["expansion"], []).append(row["abbreviation"])
    assert {row["lang"] for row in _reference("abbreviations.csv") if row["kind"] == "country"} >= {"en", "fr"}
    for ex in ("3.4", "1.3"):
        want = expected(ex, any_report)
        for iso in want:
            bare = [re.sub(r"^(?:les |le |la |l')", "", n) for n in states[iso]["fr_running_names"].split("|")]
            forms = set(state_names(states[iso])) | set(abbreviations.get(iso, [])) | set(bare)
            assert set(abbreviations.get(iso, [])) <= set(country_forms()[iso])
            for form in forms:
                res = check(ex, _swap(want, iso, form), any_report, lang=lang)
                assert res, (ex, form, res)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_themes_by_id_and_label_in_both_languages(any_report, lang):
    """The top theme by id, English label, French label (« Police des Nations Unies ») or the report's label; any
    other theme by those is read too (it is "not at the top", never "not recognised")."""
    labels = {}
    for row in _reference("themes.csv"):
        labels.setdefault(row["theme"], set()).update({row["theme"], row["label"], row["label_fr"]})
    for row in any_report.themes[["theme", "label"]].drop_duplicates().itertuples():
        labels.setdefault(row.theme, set()).add(row.label)
    top = expected("2.4", any_report)
    for theme in set(any_report.themes["theme"]):
        for form in labels[theme]:
            res = check("2.4", form, any_report, lang=lang)
            if theme in top:
                assert res, (form, res)
            else:
                assert res.status == "wrong" and repr(form) in res.message, (form, res)
                assert (
                    _t(
                        "I do not recognise {shown} as {noun} in this report. Check the spelling, or use the ids "
                        "or names from the tables.",
                        lang,
                    )[:15]
                    not in res.message
                ), (form, res)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_resolutions_by_symbol_number_and_citation(any_report, lang):
    want = expected("3.6", any_report)
    assert want
    for key in want:
        n, year = re.fullmatch(r"S/RES/(\d+) \((\d{4})\)", key).groups()
        forms = [
            key,
            f"S/RES/{n}",
            f"S/RES/{n}({year})",
            f"{n} ({year})",
            int(n),
            n,
            f"resolution {n}",
            f"resolution {n} ({year})",
            f"Security Council resolution {n} ({year})",
            f"résolution {n}",
            f"la résolution {n} ({year}) du Conseil de sécurité",
            f"Résolution {n} ({year})",
        ]
        for form in forms:
            res = check("3.6", _swap(want, key, form), any_report, lang=lang)
            assert res, (form, res)
    other = sorted(want)[0]
    n = re.search(r"/(\d+)", other).group(1)
    assert not check("3.6", _swap(want, other, f"{n} (1999)"), any_report)  # a wrong year is another resolution
    assert not check("3.6", _swap(want, other, f"General Assembly resolution {n}"), any_report)


def _tied(r):
    """A copy of ``r`` where the second theme (by paragraphs) is tagged in as many paragraphs as the first."""
    c = r.copy()
    counts = c.themes.groupby("theme")["para"].nunique().sort_values(ascending=False)
    first, second = counts.index[:2]
    missing = sorted(
        set(c.themes.loc[c.themes["theme"] == first, "para"]) - set(c.themes.loc[c.themes["theme"] == second, "para"])
    )
    extra = c.themes[c.themes["theme"] == second].iloc[[0] * (counts.iloc[0] - counts.iloc[1])].copy()
    extra["para"] = missing[: len(extra)]
    c.themes = pd.concat([c.themes, extra], ignore_index=True)
    return c, {first, second}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_tied_answers_given_as_a_table(r, lang):
    c, tie = _tied(r)
    assert expected("2.4", c) == tie
    counts = c.themes.groupby("theme")["para"].nunique()
    top = counts[counts == counts.max()]
    assert len(top) == 2
    for answer in (
        top,
        top.to_frame(),
        top.reset_index(),
        top.rename_axis("x").reset_index()[["x"]],
        pd.DataFrame({"theme": sorted(tie)}),
        pd.Series(sorted(tie)),
    ):
        res = check("2.4", answer, c, lang=lang)
        assert res, (type(answer), res)
    # a table that is not the tie still gets the sorting hint; part of the tie is told so
    hint = _t(
        "this is a table of {rows} rows; the question wants one {unit}. Sort it and take the first label "
        "(.idxmax() or .index[0]).",
        lang,
    )[:12]
    for table in (counts, counts.sort_values().head(2), counts.reset_index()):
        res = check("2.4", table, c, lang=lang)
        assert res.status == "wrong" and hint in res.message, res


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_messages_quote_the_participants_own_text(r, lang):
    for answer, exercise in (
        (["Zzland", "Élan Vital"], "1.3"),
        (["le Général de division Zénon"], "1.5"),
        ("Maintien de l'Ordre Public", "2.4"),
        (["Opération Ébène"], "3.1"),
    ):
        res = check(exercise, answer, r, lang=lang)
        assert res.status == "wrong"
        for typed in [answer] if isinstance(answer, str) else answer:
            assert repr(typed) in res.message, (typed, res)
    # a known name in the wrong place is quoted as written too, not as its id
    res = check("1.5", sorted(expected("1.5", r)) + ["Royaume-Uni"], r, lang=lang)
    assert "'Royaume-Uni'" in res.message and "'GBR'" not in res.message, res


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_unknown_exercise_is_named_not_a_traceback(r, lang):
    from kit.teaching.checker import UnknownExercise

    res = check("9.9", 1, r, lang=lang)
    assert res.status == "wrong" and not res and res.exercise == "9.9"
    assert res.message == _t("there is no exercise {exercise}; the exercises are {known}.", lang).format(
        exercise="9.9", known=", ".join(EXERCISES)
    )
    assert str(res).startswith("✘ 9.9")
    with pytest.raises(UnknownExercise, match="9.9"):
        expected("9.9", r)


def _value_of(ex_id, a):
    return len(a) if isinstance(a, (set, frozenset, dict)) else a


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("which", ["bundled", "generated"])
def test_no_hint_confirms_another_exercises_answer(r, lang, which):
    """For every exercise X, given every other exercise's right answer (or one of X's listed mistakes), the message
    neither gives a listed hint of X describing that other answer, nor prints another exercise's number as a count
    ("12 paragraphs") unless it is X's own answer."""
    report = r if which == "bundled" else load_text(SYNTHETIC)
    answers = {x: expected(x, report) for x in EXERCISES}
    numbers = {x: a for x, a in answers.items() if EXERCISES[x].kind == "number"}
    for x, ex in EXERCISES.items():
        hints = [
            part.strip()[:25]
            for m in ex.mistakes
            for part in re.split(r"\{got\}", _t(m.hint, lang))
            if len(part.strip()) > 8
        ]
        unit = _t(ex.unit, lang)
        tries = [(y, a) for y, a in answers.items() if y != x and a != answers[x]]
        tries += [(x, m.answer(report)) for m in ex.mistakes]
        for y, a in tries:
            res = check(x, a, report, lang=lang)
            if y != x:
                assert not any(h in res.message for h in hints), (x, y, res)
            for z, n in numbers.items():
                if z != x and n != answers[x] and n != _value_of(x, answers[x]):
                    assert not re.search(rf"(?<![\d.,]){n}\s+{re.escape(unit)}", res.message), (x, y, z, res)


def test_the_reviewers_room_answers_get_the_right_diagnosis(r):
    """The answers a real room typed: a pie, a histogram or a line for "make a bar chart" are named as other kinds
    of chart (not "delegations are missing", not "correct"); ``.unique()`` for ``.nunique()`` is named, not a
    crash; names typed loosely are read."""
    import plotly.express as px

    members = r.statements[r.statements["speaker_kind"] == "member_state"]
    table = members.groupby("speaker")["para"].nunique().reset_index()
    for fig in (
        px.pie(table, names="speaker", values="para"),
        px.histogram(members, x="speaker"),
        px.line(table, x="speaker", y="para"),
    ):
        res = check("1.7", fig, r)
        assert res.status == "wrong" and "bar chart" in res.message and "missing" not in res.message, res
    res = check("1.6", members.groupby("speaker")["para"].unique(), r)
    assert res.status == "wrong" and ".nunique()" in res.message, res
    hosts = {"COD": "Democratic Republic of Congo"}
    assert check("3.4", [hosts.get(h, h) for h in expected("3.4", r)], r)
    assert check("3.4", ["la République démocratique du Congo" if h == "COD" else h for h in expected("3.4", r)], r)
    briefers = r.speakers.set_index("speaker_id")["name"]
    typed = [briefers[b].replace("'", " ").replace("’", " ") for b in expected("1.5", r)]
    assert check("1.5", typed, r), typed
