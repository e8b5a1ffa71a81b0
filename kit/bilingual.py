"""Two language versions of one report, side by side.

Every UN report is published in English and French with the same paragraph
numbers, and the parser gives both versions the same ids (ISO3 codes, person
ids, mission acronyms, resolution symbols). :func:`load_bilingual` parses both
and aligns them:

* ``paragraphs``: one row per paragraph number, ``text_en`` and ``text_fr``;
* ``statements``: one row per (paragraph, speaker, n-th statement of that
  speaker in that paragraph), with both texts, verbs and lemmas;
* ``mismatches``: what one version has and the other has not (a paragraph, a
  statement). Nothing is dropped silently: an unmatched row stays in the tables
  with the other side empty, and is listed here.

Examples
--------
>>> from pathlib import Path
>>> fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
>>> b = load_bilingual(fixtures / "wgpko_excerpt_en.md", fixtures / "wgpko_excerpt_fr.md")  # doctest: +SKIP
>>> b.statements.query("para == 7")[["speaker_id", "verb_en", "verb_fr"]].values.tolist()  # doctest: +SKIP
[['MEX', 'said', 'a dit'], ['EST', 'observed', 'a fait observer']]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .report import Report, load_report

__all__ = ["Bilingual", "load_bilingual", "align"]

LANGS = ("en", "fr")


@dataclass
class Bilingual:
    """An English and a French version of one report, aligned.

    Attributes
    ----------
    en, fr : Report
        The two parses (``metadata["lang"]`` is ``"en"`` and ``"fr"``).
    paragraphs : pandas.DataFrame
        ``para, section, meeting_id, text_en, text_fr``.
    statements : pandas.DataFrame
        ``para, speaker_id, n, speaker_en, speaker_fr, text_en, text_fr, verb_en, verb_fr,
        lemma_en, lemma_fr, statement_id_en, statement_id_fr``.
    mismatches : pandas.DataFrame
        ``table, para, speaker_id, only_in``: rows one version has and the other has not.
    """

    en: Report
    fr: Report
    paragraphs: pd.DataFrame
    statements: pd.DataFrame
    mismatches: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"<Bilingual {self.en.report_id!r} / {self.fr.report_id!r}: {len(self.paragraphs)} paragraphs, "
            f"{len(self.statements)} statements, {len(self.mismatches)} mismatches>"
        )

    def paragraph(self, para: int) -> dict[str, str]:
        """The two texts of one paragraph: ``{"en": ..., "fr": ...}``."""
        row = self.paragraphs.set_index("para").loc[para]
        return {lang: row[f"text_{lang}"] for lang in LANGS}

    def speaker(self, speaker_id: str) -> pd.DataFrame:
        """Every statement of one speaker, in both languages."""
        return self.statements[self.statements["speaker_id"] == speaker_id].reset_index(drop=True)


def _numbered(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements with ``n``: the how-many-th statement of this speaker in this paragraph (from 1)."""
    df = statements[["para", "speaker_id", "speaker", "text", "verb", "lemma", "statement_id"]].copy()
    df["n"] = df.groupby(["para", "speaker_id"]).cumcount() + 1
    return df


def align(en: Report, fr: Report) -> Bilingual:
    """Align two parsed versions of one report by paragraph number and (paragraph, speaker).

    >>> from kit import load_text
    >>> en = load_text("1. The representative of Chile said it.", lang="en")
    >>> fr = load_text("1. Le représentant du Chili a dit que c'était le cas.", lang="fr")
    >>> align(en, fr).statements[["para", "speaker_id", "verb_en", "verb_fr"]].values.tolist()
    [[1, 'CHL', 'said', 'a dit']]
    """
    p_en = en.paragraphs[["para", "section", "meeting_id", "text"]].rename(columns={"text": "text_en"})
    p_fr = fr.paragraphs[["para", "text"]].rename(columns={"text": "text_fr"})
    paragraphs = p_en.merge(p_fr, on="para", how="outer", sort=True, indicator=True)
    st = _numbered(en.statements).merge(
        _numbered(fr.statements), on=["para", "speaker_id", "n"], how="outer", suffixes=("_en", "_fr"), indicator=True
    )
    order = st["statement_id_en"].fillna(st["statement_id_fr"]).map(lambda sid: int(str(sid).split(".")[1]))
    st = st.assign(_order=order).sort_values(["para", "_order"], kind="stable")
    mismatches = [
        {"table": "paragraphs", "para": int(para), "speaker_id": None, "only_in": _side(side)}
        for para, side in zip(paragraphs["para"], paragraphs["_merge"])
        if side != "both"
    ] + [
        {"table": "statements", "para": int(para), "speaker_id": sid, "only_in": _side(side)}
        for para, sid, side in zip(st["para"], st["speaker_id"], st["_merge"])
        if side != "both"
    ]
    columns = [
        "para",
        "speaker_id",
        "n",
        "speaker_en",
        "speaker_fr",
        "text_en",
        "text_fr",
        "verb_en",
        "verb_fr",
        "lemma_en",
        "lemma_fr",
        "statement_id_en",
        "statement_id_fr",
    ]
    return Bilingual(
        en,
        fr,
        paragraphs.drop(columns="_merge").reset_index(drop=True),
        st[columns].reset_index(drop=True),
        pd.DataFrame(mismatches, columns=["table", "para", "speaker_id", "only_in"]),
    )


def _side(indicator: str) -> str:
    return "en" if indicator == "left_only" else "fr"


def load_bilingual(en_path: str | Path, fr_path: str | Path) -> Bilingual:
    """Parse the English and the French version of one report and align them (:func:`align`).

    Parameters
    ----------
    en_path, fr_path : str or Path
        The two versions (``.md``, ``.txt`` or ``.pdf``). Each is read in its
        language whatever the detection would say.
    """
    return align(load_report(en_path, lang="en"), load_report(fr_path, lang="fr"))
