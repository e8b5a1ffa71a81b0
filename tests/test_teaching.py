"""The workshop checker: right answers in every reasonable form pass, near misses get their specific hint."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest

from kit import load_text
from kit.teaching.checks import EXERCISES, check, expected
from kit.teaching.handout import build_handout, questions, write_handout

from .conftest import SYNTHETIC


@pytest.fixture(scope="module")
def r():
    from kit import load_report

    return load_report()


def _forms(value):
    """Equivalent forms of a right answer."""
    if isinstance(value, set):
        items = sorted(value, key=str)
        forms = [value, items, items[::-1], tuple(items), pd.Series(items), pd.Series(items[::-1]),
                 pd.DataFrame({"x": items}), pd.Index(items), np.array(items, dtype=object)]
        if all(isinstance(i, int) for i in items):
            forms += [[str(i) for i in items], pd.Series(items, dtype="int64"), [np.int64(i) for i in items]]
        return forms
    return [value, int(value), np.int64(value), str(value), float(value), [value], pd.Series([value])]


@pytest.mark.parametrize("exercise", [e for e, x in EXERCISES.items() if x.kind in ("set", "number")])
def test_right_answer_accepted_in_every_form(r, exercise):
    want = expected(exercise, r)
    for form in _forms(want):
        res = check(exercise, form, r)
        assert res.status == "correct", (exercise, type(form), res)


@pytest.mark.parametrize("exercise", [e for e, x in EXERCISES.items() if x.kind == "choice"])
def test_choice_accepts_any_tied_top_item(r, exercise):
    for item in expected(exercise, r):
        assert check(exercise, item, r)
        assert check(exercise, [item], r)
        assert check(exercise, pd.Series([5], index=[item]), r)  # a value_counts() head(1)


def test_names_and_ids_are_equivalent(r):
    ids = expected("speakers.delegations", r)
    names = r.speakers.set_index("speaker_id").loc[sorted(ids), "name"]
    assert check("speakers.delegations", names, r)
    assert check("speakers.delegations", [n.upper() for n in names], r)
    # the DataFrame rows themselves (the right column is found)
    assert check("speakers.delegations", r.speakers[r.speakers["kind"] == "member_state"], r)
    # a column with duplicates (statements) is right, with a tidy-up note
    res = check("speakers.delegations", r.statements.loc[r.statements["speaker_kind"] == "member_state", "speaker_id"], r)
    assert res and ".unique()" in res.message
    assert check("statements.most_paragraphs", "China", r) == check("statements.most_paragraphs", "CHN", r)
    assert check("missions.top", "MINUSMA", r)
    assert check("mentions.sc_resolutions", ["2518 (2020)", "resolution 2594 (2021)", "S/RES/2436 (2018)"], r)
    assert check("themes.top", r.themes.groupby("label")["para"].nunique().idxmax(), r)  # by label


def test_unanswered(r):
    for ex in EXERCISES:
        res = check(ex, ..., r)
        assert res.status == "unanswered" and "not answered yet" in str(res)
        assert not res


# near misses -> the specific hint (each is what a participant is likely to type)
NEAR = [
    ("meetings.count", lambda r: r.paragraphs["meeting_id"].nunique(dropna=False), "empty"),
    ("meetings.count", lambda r: len(r.paragraphs), "number of paragraphs"),
    ("meetings.first_paragraphs", lambda r: list(range(r.meetings.first_para[0], r.meetings.last_para[0])),
     "range(a, b + 1)"),
    ("speakers.n_delegations", lambda r: len(r.speakers), "did you count briefers"),
    ("speakers.n_delegations", lambda r: len(r.statements[r.statements.speaker_kind == "member_state"]),
     "number of statements"),
    ("speakers.delegations", lambda r: r.speakers["speaker_id"], "did you count briefers"),
    ("speakers.delegations", lambda r: r.mentions.query("kind == 'country'")["key"].unique(), "mentioned"),
    ("speakers.briefers", lambda r: r.speakers.query("kind != 'member_state'")["name"], "Chair"),
    ("statements.most_paragraphs", lambda r: r.statements.groupby("speaker_id")["para"].nunique().idxmax(),
     "not a delegation"),
    ("themes.covid19_paragraphs", lambda r: r.themes.query("theme == 'covid19'").dropna(subset=["statement_id"])["para"],
     "tied to a statement"),
    ("themes.training_delegations",
     lambda r: r.statements.query("speaker_kind == 'member_state'").merge(
         r.themes.query("theme == 'training'")[["para"]], on="para")["speaker_id"].unique(), "joined on para"),
    ("missions.list", lambda r: r.mentions.query("kind in ['mission', 'country']")["key"], "countries"),
    ("missions.minusma_paragraphs", lambda r: r.mentions.query("kind == 'mission'")["para"], "every paragraph"),
    ("mentions.n_countries", lambda r: (r.mentions["kind"] == "country").sum(), "mentioned twice"),
    ("mentions.sc_resolutions", lambda r: r.mentions.query("kind == 'resolution'")["key"], "General Assembly"),
    ("asks.count", lambda r: r.statements["lemma"].isin(__import__("kit.teaching").teaching.ASK_LEMMAS).sum(),
     "joint statements several times"),
    ("asks.should_paragraphs", lambda r: r.paragraphs[r.paragraphs.text.str.contains(r"\bshould\b")]["para"],
     "'need to'"),
]


@pytest.mark.parametrize("exercise, wrong, hint", NEAR, ids=[f"{n[0]}:{n[2][:20]}" for n in NEAR])
def test_near_miss_gets_specific_hint(r, exercise, wrong, hint):
    res = check(exercise, wrong(r), r)
    assert res.status == "wrong", res
    assert hint in res.message, res


def test_generic_hints_do_not_give_the_answer_away(r):
    res = check("speakers.n_delegations", 3, r)
    assert res.status == "wrong" and "too low" in res.message
    assert str(expected("speakers.n_delegations", r)) not in res.message
    res = check("missions.list", ["MINUSMA"], r)
    assert "1 of the" in res.message and "missing" in res.message
    for m in expected("missions.list", r) - {"MINUSMA"}:
        assert m not in res.message
    res = check("missions.list", ["MINUSMA", "UNIFIL-XYZ"], r)
    assert "'unifil-xyz'" in res.message.lower()
    assert "one number" in check("meetings.count", [1, 2], r).message
    assert "descending" in check("themes.top", "sea", r).message


def test_exercises_follow_the_report_they_are_given():
    """Expected answers are computed from the report: a different report gives different answers."""
    other = load_text(SYNTHETIC)
    assert expected("meetings.count", other) == 1
    assert check("meetings.count", 1, other)
    assert not check("meetings.count", 2, other)
    assert expected("speakers.briefers", other) == set(other.speakers.query("kind == 'briefer'")["speaker_id"])
    for ex in EXERCISES:  # every exercise runs on another report
        check(ex, ..., other)
        expected(ex, other)


# --- handout -----------------------------------------------------------------

def test_handout_renders_with_answer_key_on_its_own_page(r, tmp_path):
    page = build_handout(r)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<ol") == 2 and page.count("<table>") == 2
    key_at = page.index('<section class="answers">')
    assert "Answer key" in page[key_at:]
    assert re.search(r"\.answers\s*\{[^}]*break-before:\s*page", page)
    qs = questions(r)
    assert len(qs) >= 6
    # the questions come before the key; the answers only after it
    for q in qs:
        assert html.escape(q["question"]) in page[:key_at]
        assert html.escape(q["answer"]) in page[key_at:]
        for p in q["paras"]:
            assert p in set(r.paragraphs["para"])
    for m in r.meetings.itertuples():
        assert f"{m.first_para}–{m.last_para}" in page
    out = write_handout(r, tmp_path / "h.html")
    assert out.read_text(encoding="utf-8") == page


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


def test_missions_hosts_near_miss(r):
    from kit.gazetteer import read_table

    every = pd.DataFrame(read_table("missions.csv"))["host"]
    res = check("missions.hosts", every, r)
    assert res.status == "wrong" and "every mission in the reference table" in res.message


def _notebooks(folder):
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "notebooks" / "workshop"
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / folder).glob("*.ipynb"))}


def _check_cells(nb):
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and re.search(r'^check\("', "".join(cell["source"]), re.M):
            src = "".join(cell["source"])
            out = "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                          for o in cell["outputs"])
            yield re.search(r'check\("([^"]+)"', src).group(1), src, out


def test_participant_notebooks_do_not_give_answers_away():
    participants, solutions = _notebooks("."), _notebooks("solutions")
    assert 4 <= len(participants) <= 6 and set(participants) == set(solutions)
    seen = set()
    for name, nb in participants.items():
        for ex, src, out in _check_cells(nb):
            seen.add(ex)
            assert src.startswith("answer = ...\n"), (name, src)
            assert "not answered yet" in out and "correct" not in out, (name, out)
        assert nb["cells"][0]["source"][0].startswith("# "), name  # a title and purpose at the top
        assert "Purpose" in "".join(nb["cells"][0]["source"])
    assert seen == set(EXERCISES)  # every exercise is used, in some notebook
    for name, nb in solutions.items():
        for ex, src, out in _check_cells(nb):
            assert "answer = ...\n" not in src and "✔" in out and "correct!" in out, (name, ex, out)
