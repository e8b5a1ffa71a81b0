"""The workshop notebook ``04_asks``: "4. What was asked of whom?"

Its prose, steps and solutions, cell by cell.

One job: what this notebook says and asks (the exercises' questions and checks are in
:mod:`kit.teaching.exercises`); :mod:`kit.teaching.workshop_source` builds it, in each language, for participants
or with the solutions.
"""

from __future__ import annotations

from ...i18n import N_
from ..asks import SHOULD_PATTERN
from ..workshop_cells import SETUP, code, exercise, figure, header, md

__all__ = ["CELLS"]

CELLS: list = [
    header(
        "04_asks",
        N_("4. What was asked of whom?"),
        [N_("What did speakers call for, request or recommend, and of whom?")],
        [
            N_("find statements with an asking verb with `isin`"),
            N_("count a sentence shared by several delegations once, with `nunique` on `group`"),
            N_('find asks without an asking verb ("should", "need to") with `str.contains`'),
        ],
        [
            N_("An ask is a statement with an asking verb, or a sentence saying someone should do something."),
            N_("Rows that share a `group` are one sentence of the report: count it once."),
            N_("Always check an ask against its paragraph before you quote it."),
        ],
    ),
    code(SETUP),
    md(
        N_("""
## Asking verbs

The kit keeps the reporting verb of every statement and its dictionary form (`lemma`): "called
for" -> `call for`. The verbs that ask for something are listed in `ASK_LEMMAS`:
""")
    ),
    code("""\
from kit.teaching import ASK_LEMMAS

ASK_LEMMAS"""),
    md(
        N_("""
`isin` keeps the rows whose value is in a list:
""")
    ),
    code("""\
asks = r.statements[r.statements["lemma"].isin(ASK_LEMMAS)]
asks[["statement_id", "para", "speaker", "verb", "joint", "group"]].head(10)"""),
    md(
        N_("""
Look at the `group` column: when the report sums up several delegations in one sentence, each
gets a row with the same `group`. How many asks are there if each sentence counts once?

**What this counts, and what it leaves out.** Here an ask is a statement whose *reporting verb*
asks (the verb that introduces the statement). The kit keeps one reporting verb per statement,
the first: "The representative of India said that ... and called on host States to ..." is a
statement with the verb *said*, so its ask is not counted (para. 31); nor is the Chair's
"advocated more synergies ... and called for the deployment of more policewomen" (para. 41,
verb *advocated*). Those asks are real: the count is a floor, not the number of asks in the
report. The search for "should" and "need to" below finds more; reading the paragraphs finds
the rest.
""")
    ),
    exercise("4.1", 'answer = r.statements.loc[r.statements["lemma"].isin(ASK_LEMMAS), "group"].nunique()'),
    md(
        N_("""
Who asks, and how often alone or in a group:
""")
    ),
    figure("""\
from kit import plots

plots.asks_by_speaker(r, ASK_LEMMAS)"""),
    md(
        N_("""
### Keeping a chart

A chart can go into a briefing as a web page that opens with no internet:
`write_html(..., include_plotlyjs=True)` puts plotly itself inside the file (about 4 MB). Save
this one, then open `asks_by_speaker.html` from the file browser (or download it).
""")
    ),
    code('''\
chart = plots.asks_by_speaker(r, ASK_LEMMAS)
chart.write_html("asks_by_speaker.html", include_plotlyjs=True)
"asks_by_speaker.html"'''),
    exercise(
        "4.2",
        """\
alone = asks[(asks["speaker_kind"] == "member_state") & ~asks["joint"]]
answer = alone["speaker_id"].drop_duplicates().sort_values()""",
    ),
    exercise("4.3", 'answer = asks["speaker_id"].nunique()'),
    md(
        N_("""
## "Should" and "need to"

Many asks have no asking verb: "the Security Council **should** fully heed the opinions of the
host country and the police-contributing countries" (para. 56). `str.contains` finds a pattern in
each paragraph; `\\b` marks a word boundary, `|` means "or", and `case=False` ignores capitals.
""")
    ),
    code("""\
has_must = r.paragraphs["text"].str.contains(r"\\bmust\\b", case=False)
r.paragraphs.loc[has_must, "para"].tolist()"""),
    exercise(
        "4.4",
        f'''\
pattern = r"{SHOULD_PATTERN}"
answer = r.paragraphs.loc[r.paragraphs["text"].str.contains(pattern, case=False), "para"].tolist()''',
    ),
    md(
        N_("""
## Of whom? The words before "should"

In "the Security Council should fully heed ...", the words before *should* say who is asked.
`str.extract` pulls them out (roughly: a capitalized phrase before *should*):
""")
    ),
    code("""\
sentences = r.paragraphs[["para", "text"]].copy()
sentences["asked"] = sentences["text"].str.extract(r"((?:the )?[A-Z][\\w-]*(?: (?:and|the|of|[A-Z][\\w-]*))*) should\\b")[0]
sentences.dropna(subset=["asked"])[["para", "asked"]]"""),
    md(
        N_("""
## From table to briefing note

The Briefing note app (and `kit note` on the command line) puts this together: positions,
key figures and asks, every line a sentence of the report with its paragraph number.

## To discuss

* Of the asks you found, which are addressed to the Security Council, which to the Secretariat,
  which to troop- and police-contributing countries? Which name no one?
* Pick one ask and check it against the paragraph: is a one-line summary faithful without its
  context?
""")
    ),
]
