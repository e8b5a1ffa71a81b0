"""A corpus: many documents (several years, English and French) in one set of tables, in the library and the apps.

The corpora are generated from the synthetic reports of the test suite (``conftest.SYNTHETIC`` and the French
fixture ``synthetic_fr.md``), moved to other years, one of them as text extracted from a PDF (with a document
symbol in its running header). The assertions are invariants of any corpus: every row keeps a document of the
``documents`` table, every citation names the document of its paragraphs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kit import ReportError, load_corpus, load_report
from kit.citation import cite
from kit.schema import DOCUMENT_COLUMNS, TABLES
from kit.views import data as view_data

from .conftest import SYNTHETIC, as_pdf_text

ROOT = Path(__file__).resolve().parent.parent
FRENCH = (ROOT / "tests" / "fixtures" / "synthetic_fr.md").read_text(encoding="utf-8")


def moved(text: str, year: int) -> str:
    """The synthetic report of 2022 (published January 2023) as the report of ``year``."""
    return text.replace("2023", str(year + 1)).replace("2022", str(year))


def make_corpus(folder: Path, years=(2022, 2023, 2024), french=(2022, 2024), symbol_year: int | None = 2023) -> Path:
    """English reports of ``years`` (the ``symbol_year`` one as PDF text carrying a symbol), French of ``french``."""
    folder.mkdir(parents=True, exist_ok=True)
    for year in years:
        if year == symbol_year:
            text = as_pdf_text(moved(SYNTHETIC, year), symbol=f"S/{year + 1}/42")
            (folder / f"wgpko-{year}-en.txt").write_text(text, encoding="utf-8")
        else:
            (folder / f"wgpko-{year}-en.md").write_text(moved(SYNTHETIC, year), encoding="utf-8")
    for year in french:
        (folder / f"wgpko-{year}-fr.md").write_text(moved(FRENCH, year), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "reports")


@pytest.fixture(scope="module")
def corpus(folder):
    return load_corpus(folder)


# ------------------------------------------------------------------ the library


def test_every_row_keeps_a_document_of_the_documents_table(corpus, folder):
    docs = corpus.documents
    assert list(docs.columns) == DOCUMENT_COLUMNS
    assert sorted(docs["report_id"]) == sorted(p.stem for p in folder.iterdir())
    for name in (*TABLES, "problems"):
        assert set(getattr(corpus, name)["report_id"]) <= set(docs["report_id"]), name
    counts = corpus.paragraphs.groupby("report_id").size()
    assert docs.set_index("report_id")["n_paragraphs"].to_dict() == counts.to_dict()
    counts = corpus.statements.groupby("report_id").size()
    assert docs.set_index("report_id")["n_statements"].to_dict() == counts.to_dict()
    assert set(docs["language"]) == {"en", "fr"}
    assert set(docs["kind"]) == {"report"}  # the default until a reader says otherwise
    assert docs["date"].is_monotonic_increasing
    assert docs.set_index("report_id")["symbol"].dropna().to_dict() == {"wgpko-2023-en": "S/2024/42"}
    corpus.validate()


def test_every_statement_is_in_its_own_documents_paragraph(corpus):
    texts = {(p.report_id, p.para): p.text for p in corpus.paragraphs.itertuples()}
    for s in corpus.statements.itertuples():
        assert texts[s.report_id, s.para][s.start : s.end] == s.text


def test_citations_name_the_document(corpus):
    docs = corpus.documents.set_index("report_id")
    for rid, rows in corpus.statements.groupby("report_id"):
        label = docs.loc[rid, "symbol"] if isinstance(docs.loc[rid, "symbol"], str) else rid
        assert corpus.cite(rows) == cite(label, rows["para"])
        assert corpus.cite(rows["para"], report_id=rid) == cite(label, rows["para"])
        assert corpus.cite(rows, lang="fr") == cite(label, rows["para"], lang="fr")
    para = int(corpus.statements.query("report_id == 'wgpko-2023-en'")["para"].iloc[0])
    assert corpus.cite(para, report_id="wgpko-2023-en") == f"S/2024/42, para. {para}"


def test_a_citation_across_documents_names_each(corpus):
    rows = corpus.statements.query("speaker_id == 'GBR'")
    text = corpus.cite(rows)
    parts = text.split("; ")
    assert len(parts) == rows["report_id"].nunique() == len(corpus.documents)
    labels = {
        rid: (sym if isinstance(sym, str) else rid)
        for rid, sym in zip(corpus.documents["report_id"], corpus.documents["symbol"])
    }
    for rid, part in zip(labels, parts):  # in the corpus's order
        assert part == cite(labels[rid], rows.loc[rows["report_id"] == rid, "para"])


def test_bare_paragraph_numbers_of_a_corpus_ask_which_document(corpus):
    with pytest.raises(ValueError, match="which"):
        corpus.cite([2, 3])
    with pytest.raises(ValueError, match="no document 'nope'"):
        corpus.cite(2, report_id="nope")


def test_speakers_across_documents_join_on_speaker_id(corpus):
    joined = corpus.statements.merge(
        corpus.speakers, on=["report_id", "speaker_id"], how="left", validate="many_to_one", suffixes=("", "_sp")
    )
    assert joined["name"].notna().all()  # every statement finds its speaker in its own document
    per_speaker = corpus.statements.groupby("speaker_id")["report_id"].nunique()
    assert per_speaker["GBR"] == len(corpus.documents)  # the United Kingdom speaks in every year, in both languages
    langs = corpus.documents.set_index("report_id")["language"]
    gbr_langs = set(langs[corpus.statements.query("speaker_id == 'GBR'")["report_id"]])
    assert gbr_langs == {"en", "fr"}


def test_french_citations_pair_with_et_and_run_with_a():
    assert cite("X", [56, 57], lang="fr") == "X, par. 56 et 57"
    assert cite("X", [56, 57, 58], lang="fr") == "X, par. 56 à 58"
    assert cite("X", [56, 57]) == "X, paras. 56-57"
    assert cite("X", [3, 56, 57, 60, 61, 62], lang="fr") == "X, par. 3, 56 et 57, 60 à 62"


def test_a_single_report_is_one_document():
    r = load_report()
    assert r.documents["report_id"].tolist() == [r.report_id]
    assert r.cite(r.statements.head(3)) == r.cite(r.statements.head(3)["para"])


# ------------------------------------------------------------------ bad folders


def test_an_empty_folder_names_the_folder(tmp_path, cache):
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    (empty / ".hidden.md").write_text("1. Not shown.\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"empty-folder: no report files"):
        load_corpus(empty)
    with pytest.raises(ReportError, match=r"empty-folder: no report files"):
        view_data.app_report(empty)
    with pytest.raises(ReportError, match=r"missing: no such folder"):
        load_corpus(tmp_path / "missing")


def test_a_file_that_is_not_a_report_is_named(tmp_path):
    folder = make_corpus(tmp_path / "reports", years=(2022,), french=())
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 not a report")
    with pytest.raises(ReportError, match=r"budget\.xlsx: not a document the kit reads"):
        load_corpus(folder)
    with pytest.raises(ReportError, match=r"budget\.xlsx"):
        view_data.app_report(folder, use_cache=False)
    (folder / "budget.xlsx").unlink()
    (folder / ".DS_Store").write_bytes(b"\x00\x01")  # hidden files are not documents
    (folder / "shopping.md").write_text("1. Milk.\n2. Bread.\n3. Eggs.\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"shopping\.md"):
        load_corpus(folder)
    with pytest.raises(ReportError, match=r"shopping\.md"):
        view_data.app_report(folder, use_cache=False)


def test_the_library_needs_no_processes_for_one_report():
    """A browser Python (Pyodide) has no multiprocessing: loading a report must not import it."""
    code = (
        "import sys; sys.modules['concurrent.futures.process'] = None; sys.modules['multiprocessing'] = None\n"
        "import kit; r = kit.load_report(); print(len(r.paragraphs))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "71"


# ------------------------------------------------------------------ the apps' rows


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("KIT_CACHE_DIR", str(folder))
    view_data._MEMO.clear()
    yield folder
    view_data._MEMO.clear()


def test_kit_report_folder_gives_the_apps_every_document(folder, corpus, cache, monkeypatch):
    monkeypatch.setenv("KIT_REPORT", str(folder))
    view = view_data.app_report()
    assert view.is_corpus
    assert [d["report_id"] for d in view.documents] == corpus.documents["report_id"].tolist()
    assert [d["n_statements"] for d in view.documents] == corpus.documents["n_statements"].tolist()
    for name in TABLES:  # the same rows as the pandas corpus, document by document
        rows = getattr(view, name)
        assert len(rows) == len(getattr(corpus, name)), name
        assert sorted({r["report_id"] for r in rows}) == sorted(set(getattr(corpus, name)["report_id"])), name
    for s in view.statements:
        assert view.para_text(s)[s["start"] : s["end"]] == s["text"]
    gbr = [s for s in view.statements if s["speaker_id"] == "GBR"]
    assert view.cite_rows(gbr) == corpus.cite(corpus.statements.query("speaker_id == 'GBR'"))
    kit_json = json.loads(next(cache.glob("*.json")).read_text(encoding="utf-8"))
    assert set(kit_json["metadata"]["reports"]) == set(corpus.documents["report_id"])


def test_the_cache_is_keyed_on_every_file(tmp_path, cache):
    folder = make_corpus(tmp_path / "reports", years=(2022, 2023), french=(2022,))
    first = view_data.app_report(folder)
    assert len(list(cache.glob("*.json"))) == 1
    view_data._MEMO.clear()
    assert view_data.app_report(folder) == first  # read back from the cache file
    target = folder / "wgpko-2022-fr.md"
    target.write_text(target.read_text(encoding="utf-8").replace("Harold Agyeman", "Harald Agyeman"), encoding="utf-8")
    changed = view_data.app_report(folder)
    assert changed != first
    assert any("Harald Agyeman" in p["text"] for p in changed.paragraphs if p["report_id"] == "wgpko-2022-fr")
    assert len(list(cache.glob("*.json"))) == 1  # the cache of the earlier corpus is gone
    (folder / "wgpko-2030-en.md").write_text(moved(SYNTHETIC, 2030), encoding="utf-8")
    added = view_data.app_report(folder)
    assert "wgpko-2030-en" in {d["report_id"] for d in added.documents}
    assert len(list(cache.glob("*.json"))) == 1


def test_a_corpus_report_json_round_trips(folder, corpus, tmp_path):
    again = load_report(corpus.export(tmp_path / "out", ["json"])[0])
    for name, df in corpus.tables().items():
        pd.testing.assert_frame_equal(getattr(again, name), df)
    assert again.documents["report_id"].tolist() == corpus.documents["report_id"].tolist()


def test_a_folder_mixing_kinds_and_languages(tmp_path, cache):
    """Summary records and meetings coverage (the readers' fixtures) beside an annual report: each keeps its
    kind and symbol, and citations start with the symbol ("A/C.4/78/SR.9, para. 2")."""
    import shutil
    import warnings

    from kit import DEFAULT_REPORT
    from kit.views import overview, shell

    kinds = ROOT / "tests" / "fixtures" / "kinds"
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in (
        "summary_record_en.txt",
        "summary_record_fr.txt",
        "meetings_coverage_en.txt",
        "meetings_coverage_fr.txt",
    ):
        shutil.copy(kinds / name, folder / name)
    shutil.copy(DEFAULT_REPORT, folder / DEFAULT_REPORT.name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a record whose verbs the tables do not know yet warns; not the point here
        corpus = load_corpus(folder)
        view = view_data.app_report(folder)
    docs = corpus.documents.set_index("report_id")
    assert set(docs["kind"]) == {"report", "summary_record", "meetings_coverage"}
    assert set(docs["language"]) == {"en", "fr"}
    for rid, meta in corpus.metadata["reports"].items():
        assert docs.loc[rid, "kind"] == meta.get("kind", "report")
        symbol = meta.get("symbol")
        rows = corpus.statements[corpus.statements["report_id"] == rid]
        if len(rows):
            assert corpus.cite(rows).startswith(f"{symbol or rid}, para")
    assert docs.loc["summary_record_en", "symbol"] == "A/C.4/78/SR.9"
    assert [d["kind"] for d in view.documents] == corpus.documents["kind"].tolist()
    r, _ = shell.open_report(view, "test", "en")
    html = str(overview.overview_html(r))
    assert "Summary record" in html and "Meetings coverage" in html and "A/C.4/78/SR.9" in html
