"""The catalogue of workshop exercises: each question, how its answer is computed, and its common mistakes.

Every answer is computed from the tables of the report the notebook loaded,
never written down, so the exercises work on another year's report. Each
listed :class:`~kit.teaching.checker.Mistake` is an answer a participant
making that mistake would give; the tests check that, on the bundled report,
every one of them differs from the right answer (otherwise the mistake would
pass as correct) and gets its own hint.

No hint may confirm another exercise's answer. A mistake whose value is, by
construction, another exercise's answer is therefore not listed (counting the
groups of asks for 4.3 gives 4.1's answer; every paragraph naming a mission,
for 3.3, has 3.2's answer as its size): the exercise's tip says how to fix it.
On a report where a listed mistake happens to give another exercise's answer,
the checker leaves its hint out (see :func:`kit.teaching.checker.check`).

``core`` marks the ten exercises of the 90-minute session, a staircase (count
rows, filter, count the filtered rows, group and count, chart; then count
distinct values, join, join a reference table, count a group once); the others
are stretch exercises for fast pairs.

Examples
--------
>>> from kit import load_report
>>> r = load_report()
>>> [e.id for e in EXERCISES.values() if e.core]
['1.1', '1.3', '1.4', '1.6', '1.7', '2.1', '2.3', '3.2', '3.4', '4.1']
>>> EXERCISES["1.6"].slug
'statements.paragraphs_per_delegation'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..i18n import N_
from . import ASK_LEMMAS
from .asks import SHOULD_PATTERN
from .exercise_model import Exercise, Mistake

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["EXERCISES", "BY_SLUG", "SHOULD_PATTERN", "exercises"]

_M = "member_state"


# ---------------------------------------------------------------------------
# the report computations the exercises are about


def _members(r: "Report") -> pd.DataFrame:
    return r.statements[r.statements["speaker_kind"] == _M]


def _top(counts: pd.Series) -> set:
    counts = counts[counts > 0]
    return set(counts[counts == counts.max()].index) if len(counts) else set()


def _first_meeting(r: "Report") -> pd.Series:
    return r.meetings.sort_values(["date", "first_para"]).iloc[0]


def _meeting_paras(r: "Report") -> set:
    return set(r.paragraphs.loc[r.paragraphs["meeting_id"] == _first_meeting(r)["meeting_id"], "para"])


def _theme(r: "Report", theme: str) -> pd.DataFrame:
    return r.themes[r.themes["theme"] == theme]


def _theme_paras(r: "Report", theme: str, statement_only: bool = False) -> set:
    t = _theme(r, theme)
    if statement_only:
        t = t[t["statement_id"].notna()]
    return set(t["para"])


def _speakers_on(r: "Report", theme: str, on: str = "statement_id", members_only: bool = True) -> set:
    t = _theme(r, theme)
    if on == "statement_id":
        t = t[t["statement_id"].notna()]
    st = _members(r) if members_only else r.statements
    return set(st.merge(t[[on]].drop_duplicates(), on=on)["speaker_id"])


def _missions(r: "Report") -> pd.DataFrame:
    return r.mentions[r.mentions["kind"] == "mission"]


def mission_table() -> pd.DataFrame:
    """missions.csv, the reference table participants join in notebook 3."""
    from ..gazetteer import read_table

    return pd.DataFrame(read_table("missions.csv"))


def _hosts(r: "Report", mentioned_only: bool = True) -> set:
    ref = mission_table()
    if mentioned_only:
        ref = ref[ref["acronym"].isin(set(_missions(r)["key"]))]
    return {code for cell in ref["host_iso3"] for code in str(cell).split("|") if code}


def _asks(r: "Report") -> pd.DataFrame:
    return r.statements[r.statements["lemma"].isin(ASK_LEMMAS)]


def _should_paras(r: "Report", pattern: str = SHOULD_PATTERN, case: bool = False) -> set:
    return set(r.paragraphs.loc[r.paragraphs["text"].str.contains(pattern, case=case, regex=True), "para"])


def _per_delegation(r: "Report") -> dict:
    return _members(r).groupby("speaker_id")["para"].nunique().to_dict()


def _bar(series: pd.Series):
    import plotly.express as px

    return px.bar(x=list(series.index), y=list(series.values))


# ---------------------------------------------------------------------------
# the catalogue

EXERCISES: dict[str, Exercise] = {}


def _add(ex: Exercise) -> None:
    EXERCISES[ex.id] = ex


# 1 -- who spoke -----------------------------------------------------------------
_add(
    Exercise(
        "1.1",
        "meetings.count",
        N_("How many meetings does the report cover?"),
        "number",
        lambda r: len(r.meetings),
        N_("meetings"),
        core=True,
        mistakes=[
            Mistake(
                lambda r: r.paragraphs["meeting_id"].nunique(dropna=False),
                N_(
                    "close: you have {got}; paragraphs outside any meeting have an empty meeting_id, and you counted "
                    "'empty' as a meeting. Count the rows of r.meetings, or use .nunique() (which drops empty values)."
                ),
            ),
            Mistake(
                lambda r: len(r.paragraphs),
                N_("{got} is the number of paragraphs, not of meetings: look at r.meetings."),
            ),
            Mistake(
                lambda r: int(r.paragraphs["meeting_id"].notna().sum()),
                N_("{got} is the number of paragraphs that belong to a meeting; count the distinct meeting_id values."),
            ),
        ],
    )
)
_add(
    Exercise(
        "1.2",
        "meetings.first_paragraphs",
        N_("Which paragraph numbers report the first meeting of the year?"),
        "set",
        _meeting_paras,
        N_("paragraphs"),
        canon="para",
        mistakes=[
            Mistake(
                lambda r: set(range(int(_first_meeting(r)["first_para"]), int(_first_meeting(r)["last_para"]))),
                N_("close: you stopped one paragraph short. range(a, b) leaves out b: use range(a, b + 1)."),
            ),
            Mistake(
                lambda r: set(r.paragraphs.loc[r.paragraphs["meeting_id"].notna(), "para"]),
                N_(
                    "you have {got}: that is every paragraph of every meeting. Keep only the first meeting's meeting_id."
                ),
            ),
        ],
        tip=N_("Filter r.paragraphs on meeting_id, or use first_para and last_para of r.meetings."),
    )
)
_add(
    Exercise(
        "1.3",
        "speakers.delegations",
        N_("Which delegations (Member States) spoke?"),
        "set",
        lambda r: set(r.speakers.loc[r.speakers["kind"] == _M, "speaker_id"]),
        N_("delegations"),
        canon="speaker",
        core=True,
        mistakes=[
            Mistake(
                lambda r: set(r.speakers["speaker_id"]),
                N_(
                    "your answer has every speaker: the briefers and the Chair are speakers but not delegations. Keep "
                    "the rows where kind == 'member_state'."
                ),
            ),
            Mistake(
                lambda r: set(r.mentions.loc[r.mentions["kind"] == "country", "key"]),
                N_(
                    "those are the countries *mentioned* in the text (r.mentions); the question is who spoke (r.speakers)."
                ),
            ),
        ],
    )
)
_add(
    Exercise(
        "1.4",
        "speakers.n_delegations",
        N_("How many delegations (Member States) spoke?"),
        "number",
        lambda r: int((r.speakers["kind"] == _M).sum()),
        N_("delegations"),
        core=True,
        mistakes=[
            Mistake(
                lambda r: len(r.speakers),
                N_("you have {got} speakers; did you count briefers and the Chair too? Keep kind == 'member_state'."),
            ),
            Mistake(
                lambda r: len(_members(r)),
                N_(
                    "you have {got}: that is the number of statements by delegations, not of delegations. "
                    "Use .nunique() on speaker_id."
                ),
            ),
        ],
    )
)
_add(
    Exercise(
        "1.5",
        "speakers.briefers",
        N_("Who briefed the Working Group (the briefers, not the Chair)?"),
        "set",
        lambda r: set(r.speakers.loc[r.speakers["kind"] == "briefer", "speaker_id"]),
        N_("people"),
        canon="speaker",
        mistakes=[
            Mistake(
                lambda r: set(r.speakers.loc[r.speakers["kind"].isin(["briefer", "chair"]), "speaker_id"]),
                N_("close: you included the Chair, who runs the meeting. Keep kind == 'briefer' only."),
            ),
        ],
    )
)
_add(
    Exercise(
        "1.6",
        "statements.paragraphs_per_delegation",
        N_(
            "In how many different paragraphs does each delegation (Member State) speak? Give one number per delegation."
        ),
        "mapping",
        _per_delegation,
        N_("delegations"),
        canon="speaker",
        core=True,
        mistakes=[
            Mistake(
                lambda r: _members(r)["speaker_id"].value_counts(),
                N_(
                    "close: you counted statements (rows). A delegation can make several statements in one paragraph, "
                    'alone and in a group: count distinct paragraphs with .groupby(...)["para"].nunique().'
                ),
            ),
            Mistake(
                lambda r: r.statements.groupby("speaker_id")["para"].nunique(),
                N_(
                    "your table has the briefers and the Chair in it: they are speakers but not delegations. Keep "
                    "speaker_kind == 'member_state' first."
                ),
            ),
            Mistake(
                lambda r: _members(r)[~_members(r)["joint"].astype(bool)].groupby("speaker_id")["para"].nunique(),
                N_(
                    "you kept only the statements made alone (joint == False). A delegation summed up with others "
                    "in one sentence still speaks in that paragraph: keep every statement of the delegations."
                ),
            ),
        ],
        tip=N_(
            "Filter the statements to delegations (speaker_kind == 'member_state'), then "
            '.groupby("speaker")["para"].nunique().'
        ),
    )
)
_add(
    Exercise(
        "1.7",
        "plot.paragraphs_per_delegation",
        N_("Make a bar chart of your answer to 1.6: one bar per delegation, its height the number of paragraphs."),
        "figure",
        _per_delegation,
        N_("delegations"),
        canon="speaker",
        core=True,
        mistakes=[
            Mistake(
                lambda r: _bar(_members(r)["speaker_id"].value_counts()),
                N_("your bars count statements (rows), not paragraphs: chart the .nunique() table of 1.6."),
            ),
        ],
        tip=N_(
            'px.bar(table, x=..., y=..., orientation="h", labels={...}, title=...) with the table from 1.6 (use '
            ".reset_index() to get columns)."
        ),
    )
)

# 2 -- on what ----------------------------------------------------------------
_add(
    Exercise(
        "2.1",
        "themes.policing_paragraphs",
        N_("In how many different paragraphs is the theme `policing` tagged?"),
        "number",
        lambda r: len(_theme_paras(r, "policing")),
        N_("paragraphs"),
        core=True,
        mistakes=[
            Mistake(
                lambda r: len(_theme(r, "policing")),
                N_(
                    "close: you counted theme rows ({got}). A paragraph with several statements has one row per "
                    "statement: count distinct paragraphs with .nunique()."
                ),
            ),
            Mistake(
                lambda r: len(_theme_paras(r, "policing", statement_only=True)),
                N_("close: you kept only rows tied to a statement. Paragraphs where nobody is quoted count too."),
            ),
            Mistake(
                lambda r: int(_theme(r, "policing")["n_hits"].sum()),
                N_("you added up term hits ({got}); the question counts paragraphs (.nunique() on para)."),
            ),
        ],
    )
)
_add(
    Exercise(
        "2.2",
        "themes.safety_paragraphs",
        N_("Which paragraphs are tagged with the theme `safety_security`?"),
        "set",
        lambda r: _theme_paras(r, "safety_security"),
        N_("paragraphs"),
        canon="para",
        mistakes=[
            Mistake(
                lambda r: _theme_paras(r, "safety_security", statement_only=True),
                N_(
                    "close: you kept only theme rows tied to a statement (you have {got}). Paragraphs where nobody is "
                    "quoted count too: do not filter on statement_id."
                ),
            ),
        ],
    )
)
_add(
    Exercise(
        "2.3",
        "themes.medical_delegations",
        N_("Which delegations (Member States) made a statement tagged with the theme `medical`?"),
        "set",
        lambda r: _speakers_on(r, "medical"),
        N_("delegations"),
        canon="speaker",
        core=True,
        mistakes=[
            Mistake(
                lambda r: _speakers_on(r, "medical", on="para"),
                N_(
                    "you joined on para ({got}): that brings in delegations who spoke in the same paragraph about "
                    "something else. Merge the themes and statements on statement_id."
                ),
            ),
            Mistake(
                lambda r: _speakers_on(r, "medical", members_only=False),
                N_("close: you kept briefers or the Chair; keep speaker_kind == 'member_state'."),
            ),
        ],
    )
)
_add(
    Exercise(
        "2.4",
        "themes.top",
        N_("Which theme is tagged in the most paragraphs? Give its id or label."),
        "choice",
        lambda r: _top(r.themes.groupby("theme")["para"].nunique()),
        N_("theme"),
        canon="theme",
    )
)

# 3 -- where -------------------------------------------------------------------
_add(
    Exercise(
        "3.1",
        "missions.list",
        N_("Which peacekeeping missions does the report mention?"),
        "set",
        lambda r: set(_missions(r)["key"]),
        N_("missions"),
        canon="mission",
        mistakes=[
            Mistake(
                lambda r: set(r.mentions.loc[r.mentions["kind"].isin(["mission", "country"]), "key"]),
                N_("you kept countries as well as missions: filter on kind == 'mission'."),
            ),
        ],
    )
)
_add(
    Exercise(
        "3.2",
        "missions.n_paragraphs",
        N_("How many paragraphs name at least one peacekeeping mission?"),
        "number",
        lambda r: _missions(r)["para"].nunique(),
        N_("paragraphs"),
        core=True,
        mistakes=[
            Mistake(
                lambda r: len(_missions(r)),
                N_(
                    "close: you counted mentions ({got}); a paragraph naming a mission twice, or two missions, "
                    "counts once. Use .nunique() on para."
                ),
            ),
            Mistake(
                lambda r: int(_missions(r).groupby("key")["para"].nunique().sum()),
                N_(
                    "close: you added up each mission's paragraphs, so a paragraph naming two missions counts twice. "
                    "Take .nunique() of para over all mission mentions."
                ),
            ),
        ],
    )
)
_add(
    Exercise(
        "3.3",
        "missions.minusma_paragraphs",
        N_("In which paragraphs is MINUSMA mentioned?"),
        "set",
        lambda r: set(_missions(r).loc[_missions(r)["key"] == "MINUSMA", "para"]),
        N_("paragraphs"),
        canon="para",
        tip=N_("Keep only the mission mentions whose key is 'MINUSMA', then take their paragraphs."),
    )
)
_add(
    Exercise(
        "3.4",
        "missions.hosts",
        N_("In which countries are the missions the report mentions? (Names or ISO codes.)"),
        "set",
        _hosts,
        N_("countries"),
        canon="country",
        core=True,
        mistakes=[
            Mistake(
                lambda r: _hosts(r, mentioned_only=False),
                N_(
                    "you have {got}: that is every mission in the reference table. Keep the missions the report "
                    "mentions (merge with the mentions, or .isin())."
                ),
            ),
        ],
        tip=N_("Merge the mission mentions with the reference table on the acronym, then take the host column."),
    )
)
_add(
    Exercise(
        "3.5",
        "mentions.n_countries",
        N_("How many different countries are mentioned in the text?"),
        "number",
        lambda r: r.mentions.loc[r.mentions["kind"] == "country", "key"].nunique(),
        N_("countries"),
        mistakes=[
            Mistake(
                lambda r: int((r.mentions["kind"] == "country").sum()),
                N_(
                    "you have {got}: that is the number of country mentions; a country mentioned twice counts once. "
                    "Use .nunique() on key."
                ),
            ),
            Mistake(
                lambda r: len(
                    set(r.mentions.loc[r.mentions["kind"] == "country", "key"])
                    | set(r.speakers.loc[r.speakers["kind"] == _M, "speaker_id"])
                ),
                N_("you added the delegations that spoke; a speaker is not a mention. Count r.mentions only."),
            ),
        ],
    )
)
_add(
    Exercise(
        "3.6",
        "mentions.sc_resolutions",
        N_("Which Security Council resolutions does the report cite?"),
        "set",
        lambda r: {k for k in r.mentions.loc[r.mentions["kind"] == "resolution", "key"] if str(k).startswith("S/RES/")},
        N_("resolutions"),
        canon="resolution",
        mistakes=[
            Mistake(
                lambda r: set(r.mentions.loc[r.mentions["kind"] == "resolution", "key"]),
                N_("close: General Assembly resolutions (A/RES/...) are not Security Council resolutions (S/RES/...)."),
            ),
            Mistake(
                lambda r: set(r.mentions.loc[r.mentions["kind"].isin(["resolution", "document"]), "key"]),
                N_("you kept other documents too: keep kind == 'resolution' and keys starting with 'S/RES/'."),
            ),
        ],
    )
)

# 4 -- asks -----------------------------------------------------------------------
_add(
    Exercise(
        "4.1",
        "asks.count",
        N_("How many asks are there (statements with an asking verb), counting a group once?"),
        "number",
        lambda r: _asks(r)["group"].nunique(),
        N_("asks"),
        core=True,
        mistakes=[
            Mistake(
                lambda r: len(_asks(r)),
                N_(
                    "close: you have {got}, so a sentence several delegations share counts once per delegation. "
                    "Count distinct values of group."
                ),
            ),
            Mistake(
                lambda r: _asks(r)["para"].nunique(),
                N_("you have {got}: that counts paragraphs; a paragraph can hold several asks. Count distinct groups."),
            ),
            Mistake(
                lambda r: int(r.statements["lemma"].eq("call for").sum()),
                N_("you kept only 'call for'; use .isin(ASK_LEMMAS) for every asking verb."),
            ),
        ],
    )
)
_add(
    Exercise(
        "4.2",
        "asks.alone_delegations",
        N_("Which delegations (Member States) made an ask on their own, not in a group (joint is False)?"),
        "set",
        lambda r: set(_asks(r).loc[(_asks(r)["speaker_kind"] == _M) & ~_asks(r)["joint"].astype(bool), "speaker_id"]),
        N_("delegations"),
        canon="speaker",
        mistakes=[
            Mistake(
                lambda r: set(_asks(r).loc[_asks(r)["speaker_kind"] == _M, "speaker_id"]),
                N_("you have {got}: you kept the asks made in a group too. Keep joint == False."),
            ),
            Mistake(
                lambda r: set(_asks(r).loc[~_asks(r)["joint"].astype(bool), "speaker_id"]),
                N_("close: briefers or the Chair are in your answer; keep speaker_kind == 'member_state'."),
            ),
        ],
    )
)
_add(
    Exercise(
        "4.3",
        "asks.n_speakers",
        N_("How many different speakers made at least one ask?"),
        "number",
        lambda r: _asks(r)["speaker_id"].nunique(),
        N_("speakers"),
        mistakes=[
            Mistake(
                lambda r: len(_asks(r)), N_("{got} is the number of ask rows; count distinct speakers with .nunique().")
            ),
            Mistake(
                lambda r: _asks(r).loc[_asks(r)["speaker_kind"] == _M, "speaker_id"].nunique(),
                N_("close: you kept only delegations; the briefers and the Chair are speakers too."),
            ),
        ],
        tip=N_("Keep the asks (lemma in ASK_LEMMAS), then count the distinct values of speaker_id with .nunique()."),
    )
)
_add(
    Exercise(
        "4.4",
        "asks.should_paragraphs",
        N_("Which paragraphs contain 'should' or 'need to' (also 'needs to', 'needed to')?"),
        "set",
        _should_paras,
        N_("paragraphs"),
        canon="para",
        mistakes=[
            Mistake(
                lambda r: _should_paras(r, r"\bshould\b"),
                N_("close: you found 'should' but not 'need to' / 'needs to' / 'needed to'."),
            ),
            Mistake(lambda r: _should_paras(r, r"need to"), N_("you found 'need to' but not 'should'.")),
        ],
    )
)

#: The same exercises by their readable names ("speakers.delegations").
BY_SLUG: dict[str, Exercise] = {e.slug: e for e in EXERCISES.values()}


def exercises() -> pd.DataFrame:
    """The exercises as a table: id, slug, kind, core (or stretch) and question."""
    return pd.DataFrame(
        [
            {"exercise": e.id, "slug": e.slug, "kind": e.kind, "core": e.core, "question": e.question}
            for e in EXERCISES.values()
        ]
    )
