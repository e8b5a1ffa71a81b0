"""English and French versions of the same content (kit.bilingual, ``load_bilingual``): the same ids, the
paragraphs and statements aligned, what only one side has listed.

The French fixtures in tests/fixtures/ were written for this kit in the style of UN French reports; they
are not copies of any official text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kit import load_bilingual, load_report, load_text
from kit.bilingual import align

from .conftest import SYNTHETIC
from .generators import G_FR, speakers

FIXTURES = Path(__file__).resolve().parent / "fixtures"


# ---------------------------------------------------------------- English and French versions of the same content


PAIRS = [
    ("synthetic", lambda: load_text(SYNTHETIC), lambda: load_report(FIXTURES / "synthetic_fr.md")),
    (
        "excerpt",
        lambda: load_report(FIXTURES / "wgpko_excerpt_en.md"),
        lambda: load_report(FIXTURES / "wgpko_excerpt_fr.md"),
    ),
]


@pytest.mark.parametrize("name,load_en,load_fr", PAIRS, ids=[p[0] for p in PAIRS])
def test_english_and_french_give_the_same_ids(name, load_en, load_fr):
    en, fr_ = load_en(), load_fr()
    assert (en.metadata["lang"], fr_.metadata["lang"]) == ("en", "fr")
    for r in (en, fr_):
        r.validate()
        assert len(r.meetings) > 0 and len(r.statements) > 0  # a real report, in either language
    assert sorted(en.speakers["speaker_id"]) == sorted(fr_.speakers["speaker_id"])
    assert list(zip(en.statements.para, en.statements.speaker_id)) == list(
        zip(fr_.statements.para, fr_.statements.speaker_id)
    )
    assert en.statements["attribution"].tolist() == fr_.statements["attribution"].tolist()
    assert en.statements["joint"].tolist() == fr_.statements["joint"].tolist()
    for kind in ("mission", "resolution", "document", "country", "organization", "place"):
        keys = [
            sorted(zip(r.mentions.loc[r.mentions.kind == kind, "para"], r.mentions.loc[r.mentions.kind == kind, "key"]))
            for r in (en, fr_)
        ]
        assert keys[0] == keys[1], kind
    assert (
        en.meetings[["meeting_id", "first_para", "last_para", "format"]].fillna("").values.tolist()
        == fr_.meetings[["meeting_id", "first_para", "last_para", "format"]].fillna("").values.tolist()
    )
    for field in ("date", "period_start", "period_end", "chair"):
        assert en.metadata[field] == fr_.metadata[field], field
    kinds = [r.speakers.set_index("speaker_id")["kind"].sort_index().tolist() for r in (en, fr_)]
    assert kinds[0] == kinds[1]
    # themes use the same ids in both languages (the vocabularies cover the same content), labelled in the
    # report's language
    assert set(zip(en.themes.para, en.themes.theme)) == set(zip(fr_.themes.para, fr_.themes.theme))
    labels = {row["theme"]: row["label_fr"] for row in G_FR.theme_rows}
    assert all(fr_.themes["label"] == fr_.themes["theme"].map(labels))


# ---------------------------------------------------------------- side by side


def test_load_bilingual_aligns_paragraphs_and_statements():
    b = load_bilingual(FIXTURES / "wgpko_excerpt_en.md", FIXTURES / "wgpko_excerpt_fr.md")
    assert b.mismatches.empty
    assert b.paragraphs["para"].tolist() == b.en.paragraphs["para"].tolist()
    assert b.paragraphs[["text_en", "text_fr"]].notna().all().all()
    assert len(b.statements) == len(b.en.statements) == len(b.fr.statements)
    for row in b.statements.itertuples():  # each side's statement is a passage of its own paragraph
        assert row.text_en in b.paragraph(row.para)["en"] and row.text_fr in b.paragraph(row.para)["fr"]
        assert (row.lemma_en is None) == (row.lemma_fr is None) or row.verb_en is not None
    assert b.speaker("person:carrilho")["speaker_fr"].tolist() == ["Luís Carrilho"]


def test_bilingual_lists_what_only_one_side_has():
    en = load_text("1. The representative of Chile said yes.\n2. The representative of Peru said no.", lang="en")
    fr_ = load_text("1. Le représentant du Chili a dit oui.", lang="fr")
    b = align(en, fr_)
    assert b.mismatches.fillna("").values.tolist() == [["paragraphs", 2, "", "en"], ["statements", 2, "PER", "en"]]
    assert b.paragraphs.set_index("para").loc[2, "text_fr"] != b.paragraphs.set_index("para").loc[2, "text_fr"]  # NaN
    assert len(b.statements) == 2  # nothing dropped


def test_bilingual_pair_with_coordinated_verbs_and_those_of_has_no_mismatch():
    """The audit's pair: « M. Ladeb a ouvert la séance et a déclaré » and "supported by those of Japan and Viet
    Nam" were read on one side only; both versions now give the same statements."""
    b = load_bilingual(FIXTURES / "coordinated_en.md", FIXTURES / "coordinated_fr.md")
    assert b.mismatches.empty, b.mismatches
    for r in (b.en, b.fr):
        assert speakers(r, 2) == ["person:ladeb"]
        p8 = r.statements[r.statements.para == 8]
        assert p8["speaker_id"].tolist() == ["ZAF", "JPN", "VNM"] and p8["joint"].all() and p8["group"].nunique() == 1
    assert (
        b.en.statements.loc[b.en.statements.para == 2, "lemma"].tolist()
        == ["state"]
        == b.fr.statements.loc[b.fr.statements.para == 2, "lemma"].tolist()
    )
