"""Generators and helpers the test modules share: the running names of States in English and French (the
gazetteer's Member States, their running forms), a French report from a few lines.

Every text is written here; no real document is copied.
"""

from __future__ import annotations

from kit import load_text
from kit.gazetteer import load_gazetteer

G_FR = load_gazetteer(lang="fr")


MEMBERS_FR = [row for row in G_FR.state_rows if row["status"] == "member"]


def running(row: dict) -> str:
    """A running-text name of a state, with its article."""
    name = row["running_names"].split("|")[0]
    return f"the {name}" if row["article"] == "the" else name


def forms(row: dict) -> list[str]:
    """The French running forms of a state (« le Chili », « la France »...)."""
    return row["fr_running_names"].split("|")


def join_fr(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def speakers(report, para: int) -> list[str]:
    return report.statements.loc[report.statements["para"] == para, "speaker_id"].tolist()


def fr(text: str):
    return load_text(text, name="fr.md")


OPENING_FR = "1. Le représentant du Chili a dit que la paix comptait.\n"


def fr_after_a_statement(paragraph: str):
    """``paragraph`` as paragraph 2 of a French report whose paragraph 1 is a statement (a lone paragraph
    with no meeting and no statement is refused as not a report)."""
    return fr(OPENING_FR + "2. " + paragraph)
