"""One checker (:mod:`kit.checks`): every invariant broken on purpose is caught, named and placed, in English and
in French, by :meth:`kit.Report.validate`, ``load_report(..., strict=True)``, a ``report.json`` and ``kit
validate``; a report the parser wrote passes; a non-report is never "valid".

Each case of :data:`BREAKS` takes a fresh copy of the bundled report, breaks one invariant (a row removed, a
paragraph cited that does not exist, a speaker with no statement ...) and says where the problem must be found
(table and row). The problems the parser records (a numbering gap, an undated meeting, a footnote left apart)
carry their template and parameters in the ``problems`` table, so ``kit validate --lang fr`` says them in
French too.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from kit import ReportWarning, ValidationError, load_report, load_text
from kit.checks import INVARIANTS, check_rows
from kit.cli import main
from kit.errors import Problem
from kit.i18n import N_, translator
from kit.rows import ViewReport
from kit.schema import COLUMNS

from .test_errors_lang import ENGLISH, _words

pytestmark = pytest.mark.usefixtures("english_by_default")  # tests/conftest.py

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
_fr = translator("fr").gettext


@pytest.fixture(scope="module")
def bundled():
    return load_report()


def _english_left(french: str, err) -> list[str]:
    """English words left in a French message once its data (:func:`tests.test_errors_lang._words`) and the
    contract's table names ("paragraphs", the same in every language) are taken out."""
    text = _words(french, err)
    for name in COLUMNS:
        text = re.sub(rf"\b{name}\b", "", text)
    return ENGLISH.findall(text)


def _drop_where(df: pd.DataFrame, mask) -> pd.DataFrame:
    return df[~mask].reset_index(drop=True)


def _append(df: pd.DataFrame, row: dict) -> pd.DataFrame:
    return pd.concat([df, pd.DataFrame([row])], ignore_index=True)


# Each break: code -> function(report) breaking it in place and returning where the problem is (table, row).
def _column_types(r):
    r.statements["para"] = r.statements["para"].astype(object)
    r.statements.loc[2, "para"] = "7"  # a paragraph number as text
    return "statements", 2


def _missing_paragraph(r):  # a paragraph row removed: the statements citing it cite nothing
    para = r.statements.loc[0, "para"]
    r.paragraphs = _drop_where(r.paragraphs, r.paragraphs["para"] == para)
    return "statements", 0


def _offsets_outside(r):
    r.mentions.loc[1, "start"] += 10_000
    r.mentions.loc[1, "end"] += 10_000
    return "mentions", 1


def _text_mismatch(r):
    r.statements.loc[3, "start"] += 3
    return "statements", 3


def _surface_mismatch(r):
    r.mentions.loc[4, "surface"] = r.mentions.loc[4, "surface"] + "x"
    return "mentions", 4


def _speaker_missing(r):  # the speaker row of a statement removed
    sid = r.statements.loc[5, "speaker_id"]
    r.speakers = _drop_where(r.speakers, r.speakers["speaker_id"] == sid)
    first = int(r.statements.index[r.statements["speaker_id"] == sid][0])
    return "statements", first


def _meeting_missing(r):
    r.statements.loc[6, "meeting_id"] = "1999-01-01"
    return "statements", 6


def _statement_missing(r):
    i = int(r.themes.index[r.themes["statement_id"].notna()][0])
    r.themes.loc[i, "statement_id"] = "999.9"
    return "themes", i


def _no_paragraphs(r):
    for name in (*COLUMNS,):
        setattr(r, name, getattr(r, name).iloc[0:0])
    return None, None


def _duplicate_paragraph(r):
    r.paragraphs = _append(r.paragraphs, r.paragraphs.iloc[10].to_dict())
    return "paragraphs", len(r.paragraphs) - 1


def _numbering(r):  # a gap the parser recorded
    gap = Problem("gap", N_("paragraph {para} where {expected} was expected"), para=12, line=40, expected=11)
    r.problems = _append(r.problems, gap.as_row(r.report_id))
    return None, None


def _silent_speaker(r):
    r.speakers = _append(r.speakers, {**r.speakers.iloc[0].to_dict(), "speaker_id": "XYZ", "name": "Nobody"})
    return "speakers", len(r.speakers) - 1


BREAKS = {
    "column_types": _column_types,
    "missing_paragraph": _missing_paragraph,
    "offsets_outside": _offsets_outside,
    "text_mismatch": _text_mismatch,
    "surface_mismatch": _surface_mismatch,
    "speaker_missing": _speaker_missing,
    "meeting_missing": _meeting_missing,
    "statement_missing": _statement_missing,
    "no_paragraphs": _no_paragraphs,
    "duplicate_paragraph": _duplicate_paragraph,
    "numbering": _numbering,
    "silent_speaker": _silent_speaker,
}
#: The codes a break may bring besides its own (offsets outside the paragraph point at no surface either).
ALSO = {"offsets_outside": {"surface_mismatch"}, "numbering": {"gap"}}


def test_every_invariant_has_a_break_here():
    """A new invariant in kit.checks needs its case here (``columns`` is broken in a report.json, below)."""
    assert {inv.code for inv in INVARIANTS} == {*BREAKS, "columns"}
    assert all(inv.doc for inv in INVARIANTS)


def test_the_documentation_lists_every_invariant_with_its_level():
    page = (ROOT / "docs" / "reference" / "validation.md").read_text(encoding="utf-8")
    for inv in INVARIANTS:
        assert re.search(rf"^\| `{inv.code}` \| {inv.level} \|", page, re.M), inv.code


def test_the_bundled_report_and_the_fixtures_keep_every_invariant(bundled):
    assert check_rows(ViewReport.from_report(bundled).to_json()["tables"]) == []
    # one document of each kind (test_french.py and the property tests validate French and generated reports)
    for path in [
        FIXTURES / "wgpko_excerpt_en.md",
        FIXTURES / "kinds" / "summary_record_en.txt",
        FIXTURES / "kinds" / "meetings_coverage_en.txt",
        FIXTURES / "kinds" / "summary_record_excerpt_en.txt",
    ]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReportWarning)
            r = load_report(path)
        problems = check_rows(ViewReport.from_report(r).to_json()["tables"])
        assert [p.code for p in problems if p.code not in {"gap", "duplicate", "out_of_order"}] == [], path


@pytest.mark.parametrize("code", sorted(BREAKS))
def test_a_broken_invariant_is_named_and_placed_in_english_and_french(code, bundled):
    r = bundled.copy()
    table, row = BREAKS[code](r)
    with pytest.raises(ValidationError) as info:
        r.validate()
    err = info.value
    found = [p for p in err.problems if p.code == (code if code != "numbering" else "gap")]
    assert found, err.problems
    assert {p.code for p in err.problems} <= {code, *ALSO.get(code, ())}, err.problems
    problem = found[0]
    assert (problem.table, problem.row) == (table, row)
    english, french = str(err), err.localized("fr")
    assert err.localized("en") == english and english.startswith(str(bundled.metadata["source"]) + ": ")
    assert str(problem) in english and problem.localized("fr") in french
    if table is not None:
        assert f"{table} row {row}" in english and f"tableau {table}, ligne {row}" in french
    if code == "numbering":
        assert "line 40: paragraph 12 where 11 was expected" in english
        assert "ligne 40\u00a0: paragraphe 12 là où le 11 était attendu" in french
    assert french != english
    assert not _english_left(french, err), french


def test_a_corpus_names_the_document_of_a_problem(bundled, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_bytes((ROOT / "data" / "reports" / "wgpko-2021.md").read_bytes())
    from kit import load_corpus

    corpus = load_corpus(tmp_path)
    corpus.validate()  # document by document: paragraph 1 of each is not a duplicate
    i = int(corpus.statements.index[corpus.statements["report_id"] == "b"][0])
    corpus.statements.loc[i, "speaker_id"] = "XYZ"
    with pytest.raises(ValidationError) as info:
        corpus.validate()
    [problem] = info.value.problems
    assert problem.report_id == "b" and problem.row == i
    assert f"report b, statements row {i}" in str(info.value)
    assert f"rapport b, tableau statements, ligne {i}" in info.value.localized("fr")


# ----------------------------------------------------------------------------------------------- strict=True

GAPS = "".join(
    f"{n}. The representative of {c} said it.\n\n" for n, c in [(1, "Chile"), (2, "Peru"), (4, "Ghana"), (5, "Nepal")]
)


def test_strict_runs_the_same_checker_and_speaks_the_language(monkeypatch):
    with pytest.warns(ReportWarning):
        lenient = load_text(GAPS, name="gaps.md")
    with pytest.raises(ValidationError) as validated:
        lenient.validate()
    with pytest.raises(ValidationError) as strict:
        load_text(GAPS, name="gaps.md", strict=True)
    assert strict.value.problems == validated.value.problems
    assert str(strict.value) == "gaps.md: line 5: paragraph 4 where 3 was expected"
    monkeypatch.setenv("KIT_LANG", "fr")  # a French context: the error says itself in French
    assert strict.value.localized() == "gaps.md\u00a0: ligne 5\u00a0: paragraphe 4 là où le 3 était attendu"
    assert str(strict.value) == "gaps.md: line 5: paragraph 4 where 3 was expected"  # str() stays English


def test_a_clean_report_loads_strictly(bundled):
    assert load_report(strict=True, cache=False).summary() == bundled.summary()


# ----------------------------------------------------------------------------------------------- report.json


def _exported(bundled, tmp_path) -> dict:
    return json.loads(bundled.export(tmp_path / "out", ["json"])[0].read_text(encoding="utf-8"))


def _written(data: dict, tmp_path) -> Path:
    path = tmp_path / "broken" / "report.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_report_json_row_without_its_columns_is_named(bundled, tmp_path):
    data = _exported(bundled, tmp_path)
    del data["tables"]["mentions"][3]["surface"]
    with pytest.raises(ValidationError) as info:
        load_report(_written(data, tmp_path))
    [problem] = info.value.problems
    assert (problem.code, problem.table, problem.row) == ("columns", "mentions", 3)
    english, french = str(info.value), info.value.localized("fr")
    assert english.endswith(
        "report.json: not a usable report.json: mentions row 3: the row does not have the "
        "table's columns (missing: surface; not in the table: -)"
    )
    assert "report.json inutilisable\u00a0: tableau mentions, ligne 3\u00a0: la ligne n'a pas les colonnes" in french


def test_a_report_json_is_checked_up_to_usable_and_validate_checks_the_rest(bundled, tmp_path):
    data = _exported(bundled, tmp_path)
    data["tables"]["statements"][0]["para"] = 999  # usable: refused on reading
    with pytest.raises(ValidationError, match="statements row 0: the row cites paragraph 999"):
        load_report(_written(data, tmp_path))
    data = _exported(bundled, tmp_path)
    speaker = dict(data["tables"]["speakers"][0], speaker_id="XYZ")
    data["tables"]["speakers"].append(speaker)  # valid: read, then refused by validate()
    r = load_report(_written(data, tmp_path))
    with pytest.raises(ValidationError) as info:
        r.validate()
    assert [p.code for p in info.value.problems] == ["silent_speaker"]


def test_problems_keep_their_template_through_report_json_and_csv(tmp_path):
    text = GAPS.replace("Peru", "Freedonia")
    with pytest.warns(ReportWarning):
        r = load_text(text, name="notes.md")
    files = r.export(tmp_path / "out", ["json", "csv"])
    again = load_report(tmp_path / "out" / "report.json")
    csv = pd.read_csv(tmp_path / "out" / "problems.csv", encoding="utf-8-sig")
    for frame in (r.problems, again.problems, csv):
        problems = [Problem.from_row(row) for row in frame.itertuples()]
        assert [p.code for p in problems] == ["gap", "unknown_speaker"]
        assert problems[1].localized("fr").startswith("paragraphe 2\u00a0: l'orateur 'Freedonia' n'est pas")
    assert {f.name for f in files} >= {"report.json", "problems.csv"}


def test_a_report_json_of_an_older_kit_without_templates_still_reads(bundled, tmp_path):
    with pytest.warns(ReportWarning):
        r = load_text(GAPS, name="old.md")
    data = json.loads(r.export(tmp_path / "out", ["json"])[0].read_text(encoding="utf-8"))
    for row in data["tables"]["problems"]:
        del row["template"], row["params"]
        row["message"] = "line 5: {odd} braces"
    old = load_report(_written(data, tmp_path))
    [problem] = [Problem.from_row(row) for row in old.problems.itertuples()]
    assert problem.localized("fr") == "ligne 5\u00a0: line 5: {odd} braces"  # its message as it is


# ----------------------------------------------------------------------------------------------- the parser's
#: Texts whose parse records a problem, by code (each written for this test).
NOTED = {
    "unknown_speaker": "1. On 3 March 2022, the Working Group held a meeting.\n\n"
    "2. The representative of Freedonia said that peace mattered.\n",
    "meeting_date": "1. On 5 May, the Working Group held a meeting.\n\n"
    "2. The representative of Ghana said that the transitions mattered.\n",
    "number_in_text": "1. On 3 March 2022, the Working Group held a meeting.\n\n"
    "2. The representative of Ghana said that peace mattered.\n\n"
    "250. Words read as text.\n\n3. The representative of Chile said it.\n",
    "invisible_characters": "1. On 3 March 2022, the Working Group held a meeting.\n\n"
    "2. The representative of Fr\u200bance said that peace mattered.\n",
    "unattributed": "1. On 3 March 2022, the Working Group held a meeting.\n\n2. Milk.\n\n3. Eggs.\n\n"
    "4. The representative of Chile said it.\n",
}


@pytest.mark.parametrize("code", sorted(NOTED))
def test_the_parser_s_notes_speak_french_in_kit_validate(code, tmp_path, capsys):
    path = tmp_path / f"{code}.md"
    path.write_text(NOTED[code], encoding="utf-8")
    with pytest.warns(ReportWarning):
        r = load_report(path)
    rows = [row for row in r.problems.itertuples() if row.problem == code]
    assert rows, r.problems
    problem = Problem.from_row(rows[0])
    assert problem.template != rows[0].message or not problem.params  # kept as a template and its values
    assert str(problem.message) == rows[0].message
    french = problem.localized("fr")
    assert french != str(problem) and not _english_left(french, ValidationError("{errors}", errors=[problem])), french

    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"  note: {problem}\n" in out
    assert main(["validate", "--lang", "fr", str(path)]) == 0
    out = capsys.readouterr().out
    assert _fr("note: {message}").format(message=french) in out and " : valide" in out.replace("\u00a0", " ")


# ------------------------------------------------------------------------------------------------ kit validate


def test_kit_validate_says_the_bundled_report_is_valid_in_both_languages(bundled, capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == f"{bundled.summary('en')}: valid\n"
    assert main(["validate", "--lang", "fr"]) == 0
    assert capsys.readouterr().out == f"{bundled.summary('fr')}\u00a0: valide\n"


def _empty_report_json(tmp_path, bundled) -> Path:
    data = _exported(bundled, tmp_path)
    data["tables"] = {name: [] for name in data["tables"]}
    return _written(data, tmp_path)


NON_REPORTS = {
    "empty_report_json": _empty_report_json,
    "other_json": lambda tmp_path, _: _write(tmp_path / "data.json", '{"rows": [1, 2, 3]}'),
    "a_list": lambda tmp_path, _: _write(tmp_path / "list.md", "1. Milk.\n\n2. Eggs.\n\n3. Tea.\n"),
    "a_letter": lambda tmp_path, _: _write(tmp_path / "letter.txt", "Dear colleagues,\n\nthank you.\n"),
    "a_csv_folder": lambda tmp_path, b: b.export(tmp_path / "tables", ["csv"]) and tmp_path / "tables",
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", sorted(NON_REPORTS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_non_report_is_never_valid(kind, lang, tmp_path, bundled, capsys):
    path = NON_REPORTS[kind](tmp_path, bundled)
    assert main(["validate", "--lang", lang, str(path)]) == 2
    out = capsys.readouterr()
    assert "valid" not in out.out and "valide" not in out.out
    assert out.err.startswith(_fr("kit: error: {message}").split("{")[0] if lang == "fr" else "kit: error: ")
    assert "Traceback" not in out.err
    if kind == "empty_report_json":
        assert (
            "the paragraphs table is empty: this is not a report"
            if lang == "en"
            else "le tableau paragraphs est vide\u00a0: ce n'est pas un rapport"
        ) in out.err


def test_kit_validate_a_folder_says_each_file_in_french(tmp_path, capsys):
    _write(tmp_path / "gaps.md", GAPS)
    _write(tmp_path / "noted.md", NOTED["unknown_speaker"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportWarning)
        assert main(["validate", "--lang", "fr", str(tmp_path)]) == 2
    out = capsys.readouterr()
    assert f"{tmp_path / 'gaps.md'}\u00a0: ligne 5\u00a0: paragraphe 4 là où le 3 était attendu" in out.err
    note = _fr("note: {message}").format(message="paragraphe 2\u00a0: l'orateur 'Freedonia' n'est pas dans les")
    assert f"  {note} tables de référence" in out.out
    assert "was expected" not in out.err and "is not in" not in out.out
