"""Write the workshop notebooks: one source, two versions.

* ``notebooks/workshop/NN_*.ipynb`` -- participant versions: each exercise cell
  holds ``answer = ...`` and its check prints "not answered yet";
* ``notebooks/workshop/solutions/NN_*.ipynb`` -- the trainer's versions, with
  the pandas answer in each exercise cell.

Run it after editing the text below, then execute both versions so the stored
outputs are current::

    python notebooks/workshop/build_notebooks.py
    jupyter nbconvert --to notebook --execute --inplace notebooks/workshop/*.ipynb notebooks/workshop/solutions/*.ipynb
    pytest --nbval notebooks/workshop
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """\
from kit import load_report
from kit.teaching.checks import check

r = load_report()
r"""


def md(text: str):
    return ("md", text.strip("\n"))


def code(src: str):
    return ("code", src.strip("\n"))


def exercise(number: str, exercise_id: str, question: str, solution: str, tip: str = ""):
    return ("exercise", number, exercise_id, question, solution.strip("\n"), tip)


NOTEBOOKS: dict[str, tuple[str, list]] = {}

# ---------------------------------------------------------------------------
NOTEBOOKS["01_who_spoke"] = ("1. Who spoke? Meetings, speakers and statements", [
    md("""
# 1. Who spoke? Meetings, speakers and statements

**Purpose.** Load the annual report of the Security Council Working Group on Peacekeeping
Operations as tables, find the meetings it covers, and count who spoke at them.
By the end you can answer "which delegations spoke, and where in the report?" with a
paragraph number for every claim.

**Time:** about 20 minutes. **You need:** nothing but this notebook; run each cell with
<kbd>Shift</kbd>+<kbd>Enter</kbd>.

**Exercises** look like this: replace the `...` after `answer =` with your answer (a number,
a list, or a pandas expression) and run the cell. The check says *correct* or gives you a hint.
"""),
    md("""
## Loading the report

`load_report()` reads the report and splits it into tables (pandas DataFrames). The first
line of output is a summary: how many rows each table has.
"""),
    code(SETUP),
    md("""
The report's own details (title, date, period covered, chair) are in `r.metadata`:
"""),
    code('r.metadata["title"], r.metadata["date"], r.metadata["chair"]'),
    md("""
## Paragraphs: the unit of citation

UN reports number their paragraphs, and a briefer cites them: "para. 27". Every table in the
kit has a `para` column, so every row can be traced back to the printed text.
"""),
    code('r.paragraphs[["para", "section", "section_title", "meeting_id", "text"]].head()'),
    md("""
To read one paragraph in full, select its row and print the text:
"""),
    code('print(r.paragraphs.loc[r.paragraphs["para"] == 5, "text"].iloc[0])'),
    md("""
## Meetings

The Working Group met a few times in the year. The kit finds each meeting from the paragraph
that dates it ("On 13 April 2021, the Working Group held ..."); the meeting runs to the next
meeting or the end of its section. `first_para` and `last_para` give its paragraphs.
"""),
    code('r.meetings[["meeting_id", "date", "title", "format", "first_para", "last_para"]]'),
    exercise("1.1", "meetings.count", "How many meetings does the report cover?",
             "answer = len(r.meetings)"),
    md("""
Each paragraph also carries its `meeting_id` (empty for the paragraphs before and after the
meetings). Filtering with a condition in `[...]` keeps the rows where it is true:
"""),
    code('r.paragraphs[r.paragraphs["meeting_id"].isna()][["para", "section_title"]]'),
    exercise("1.2", "meetings.first_paragraphs",
             "Which paragraph numbers report the **first** meeting of the year? Give a list of numbers.",
             """
first = r.meetings.sort_values("date").iloc[0]
answer = list(range(first["first_para"], first["last_para"] + 1))"""),
    md("""
## Speakers

`r.speakers` has one row per speaker. `kind` says who they are: a `member_state` (a delegation,
"the representative of Mexico"), a `briefer` (an official from the Secretariat), or the `chair`.
"""),
    code('r.speakers[["speaker_id", "name", "kind", "title"]].head(8)'),
    md("""
`value_counts()` counts the rows for each value of a column; `nunique()` counts the distinct
values. Use them (and a filter) in the next exercises.
"""),
    exercise("1.3", "speakers.delegations", "Which delegations (Member States) spoke? Give their ids or names.",
             'answer = r.speakers.loc[r.speakers["kind"] == "member_state", "speaker_id"].sort_values()'),
    exercise("1.4", "speakers.n_delegations", "How many delegations (Member States) spoke?",
             'answer = (r.speakers["kind"] == "member_state").sum()'),
    exercise("1.5", "speakers.briefers", "Who briefed the Working Group? (The briefers, not the Chair.)",
             'answer = r.speakers.loc[r.speakers["kind"] == "briefer", "name"].tolist()'),
    md("""
## Statements: who said what, where

The report reports speech in the third person: "The representative of Mexico said that ...".
`r.statements` has one row per speaker per statement, with the reporting `verb`, its dictionary
form `lemma`, the paragraph and the `text` (the exact words of the report).

When several delegations speak together ("The representatives of Australia, China, ... called
for ..."), the statement is **joint**: there is one row per co-speaker, all with the same `group`.
Paragraph 27 shows both kinds:
"""),
    code('r.statements.loc[r.statements["para"] == 27, ["statement_id", "speaker", "verb", "joint", "group"]]'),
    md("""
Which reporting verbs does the report use most? Count the lemmas:
"""),
    code('r.statements["lemma"].value_counts().head(8)'),
    md("""
To count in how many paragraphs each speaker appears, group by speaker and count the distinct
paragraphs: `groupby("speaker")["para"].nunique()`.
"""),
    exercise("1.6", "statements.most_paragraphs",
             "Which delegation (Member State) speaks in the most paragraphs? Give one id or name.",
             """
delegations = r.statements[r.statements["speaker_kind"] == "member_state"]
answer = delegations.groupby("speaker")["para"].nunique().sort_values(ascending=False).index[0]"""),
    md("""
## Citing what you found

`r.cite(...)` turns paragraph numbers into a citation you can paste into a note:
"""),
    code('r.cite(r.statements.loc[r.statements["speaker_id"] == "MEX", "para"])'),
    md("""
## To discuss

* The report says who spoke, but not for how long or in what order. What can a count of
  paragraphs tell you, and what can it not?
* Joint statements: is a delegation that joined a group of twelve "speaking" as much as one
  that spoke alone?

Next: **2. On what?** -- the themes of the statements.
"""),
])

# ---------------------------------------------------------------------------
NOTEBOOKS["02_on_what"] = ("2. On what? Themes", [
    md("""
# 2. On what? Themes of the statements

**Purpose.** Find what the meetings were about: which themes come up most, in which
paragraphs, and which delegations spoke about a theme. You will learn to *join* two tables.

**Time:** about 20 minutes.

Themes are tagged by a vocabulary anyone can read (`data/reference/themes.csv`): a paragraph is
tagged "COVID-19 and health" because it contains a term such as *pandemic* or *vaccines*. The
`terms` column says which words were found, so you can always check why.
"""),
    code(SETUP),
    md("""
## The themes table

One row per paragraph, theme and statement: when a term falls inside a statement the row
carries its `statement_id`; when nobody is quoted (the report's own narrative), `statement_id`
is empty.
"""),
    code('r.themes[["para", "statement_id", "theme", "label", "terms", "n_hits"]].head(8)'),
    md("""
The themes the vocabulary knows about (and that occur in this report):
"""),
    code('r.themes[["theme", "label"]].drop_duplicates().sort_values("theme").reset_index(drop=True)'),
    md("""
## Which themes come up most?

A paragraph with several statements can have several rows for the same theme, so count
distinct paragraphs, not rows.
"""),
    exercise("2.1", "themes.top", "Which theme is tagged in the most paragraphs? Give its id or label.",
             'answer = r.themes.groupby("theme")["para"].nunique().idxmax()'),
    md("""
To see why paragraphs are tagged with a theme, look at the `terms` column. For example, women
and peace and security (`wps`):
"""),
    code('''\
wps = r.themes[r.themes["theme"] == "wps"]
wps[["para", "statement_id", "terms"]].head()'''),
    exercise("2.2", "themes.covid19_paragraphs", "Which paragraphs are tagged with the theme `covid19`?",
             'answer = sorted(r.themes.loc[r.themes["theme"] == "covid19", "para"].unique())'),
    md("""
## Themes by meeting

Each paragraph knows its meeting. `merge` adds the paragraph's `meeting_id` to every theme row;
`pd.crosstab` then counts, for each theme and meeting, the distinct paragraphs (here the first
eight themes in alphabetical order; drop `.head(8)` to see them all).
"""),
    code('''\
import pandas as pd

with_meeting = r.themes.merge(r.paragraphs[["para", "meeting_id"]], on="para")
per_meeting = with_meeting.drop_duplicates(["theme", "para"])
pd.crosstab(per_meeting["label"], per_meeting["meeting_id"]).head(8)'''),
    md("""
## Who spoke about a theme? Joining two tables

To know *who* spoke about policing, join the theme rows to the statements **on
`statement_id`**: that keeps only the statements in which a policing term occurs.
(Joining on `para` would also bring in everyone else who spoke in the same paragraph, about
anything.)
"""),
    code('''\
policing = r.themes[r.themes["theme"] == "policing"]
on_policing = r.statements.merge(policing[["statement_id"]].drop_duplicates(), on="statement_id")
on_policing.groupby("speaker")["para"].nunique().sort_values(ascending=False).head()'''),
    exercise("2.3", "themes.training_delegations",
             "Which delegations (Member States) made a statement tagged with the theme `training`?",
             """
training = r.themes[r.themes["theme"] == "training"]
joined = r.statements.merge(training[["statement_id"]].drop_duplicates(), on="statement_id")
answer = joined.loc[joined["speaker_kind"] == "member_state", "speaker"].drop_duplicates().sort_values()"""),
    md("""
## To discuss

* A tag is a word match, not a judgement. Find a paragraph where you disagree with a tag: what
  term caused it? (Hint: look at `terms`.)
* Which themes did the briefers raise that delegations did not take up, and the other way round?

Next: **3. Where are the missions?**
"""),
])

# ---------------------------------------------------------------------------
NOTEBOOKS["03_where"] = ("3. Where? Missions, countries and resolutions", [
    md("""
# 3. Where? Missions, countries and resolutions

**Purpose.** Find the peacekeeping missions, countries and Security Council resolutions the
report names, and where (in which paragraphs). You will also join the report to a reference
table to put the missions on a map of host countries.

**Time:** about 20 minutes.

A *mention* is anything named in the text other than the speaker: in "The representative of
Ireland recalled the contribution of Ireland", the second "Ireland" is a mention.
"""),
    code(SETUP),
    md("""
## The mentions table

`kind` is `mission`, `country`, `organization`, `place`, `resolution` or `document`; `key` is the
normalized name (a mission's acronym, a country's ISO code, a resolution's symbol) and `surface`
the words as printed.
"""),
    code('r.mentions["kind"].value_counts()'),
    code('r.mentions[r.mentions["kind"] == "organization"][["para", "key", "surface"]].head()'),
    exercise("3.1", "missions.list", "Which peacekeeping missions does the report mention? Give their acronyms.",
             'answer = sorted(r.mentions.loc[r.mentions["kind"] == "mission", "key"].unique())'),
    exercise("3.2", "missions.top", "Which mission is mentioned in the most paragraphs?",
             '''\
missions = r.mentions[r.mentions["kind"] == "mission"]
answer = missions.groupby("key")["para"].nunique().idxmax()'''),
    exercise("3.3", "missions.minusma_paragraphs", "In which paragraphs is MINUSMA mentioned?",
             '''\
missions = r.mentions[r.mentions["kind"] == "mission"]
answer = sorted(missions.loc[missions["key"] == "MINUSMA", "para"].unique())'''),
    md("""
## Where are the missions? Joining a reference table

The report names missions by acronym but does not say where they are. The kit's reference
tables do: `missions.csv` gives each mission's host country, and `member_states.csv` each
country's name and coordinates. `read_table` reads one of them; `merge` joins two tables on a
shared column.

Here is a join you can copy: the delegations that spoke, with their UN names and map
coordinates from `member_states.csv`.
"""),
    code('''\
import pandas as pd
from kit.gazetteer import read_table

states = pd.DataFrame(read_table("member_states.csv"))[["iso3", "un_name", "lat", "lon"]]
delegations = r.speakers[r.speakers["kind"] == "member_state"][["speaker_id"]]
delegations.merge(states, left_on="speaker_id", right_on="iso3").drop(columns="iso3").head()'''),
    md("""
The missions reference table:
"""),
    code('''\
reference = pd.DataFrame(read_table("missions.csv"))
reference[["acronym", "host_iso3", "host", "start_year"]].head()'''),
    exercise("3.4", "missions.hosts",
             "In which countries are the missions that the report mentions? Give names or ISO codes.",
             '''\
mentioned = r.mentions[r.mentions["kind"] == "mission"]
joined = mentioned.merge(reference, left_on="key", right_on="acronym")
answer = sorted(joined["host"].unique())'''),
    md("""
## Countries

Countries are mentioned by their UN names; `key` is the ISO 3166 code. A country can be
mentioned many times: count distinct keys.
"""),
    exercise("3.5", "mentions.n_countries", "How many different countries are mentioned in the text?",
             'answer = r.mentions.loc[r.mentions["kind"] == "country", "key"].nunique()'),
    md("""
## Resolutions

Resolutions are normalized to their document symbols: "resolution 2518 (2020)" becomes
`S/RES/2518 (2020)` (Security Council); General Assembly resolutions start with `A/RES/`.
`str.startswith` tests the beginning of each string.
"""),
    code('r.mentions[r.mentions["kind"] == "resolution"][["para", "key", "surface"]].head(3)'),
    exercise("3.6", "mentions.sc_resolutions", "Which Security Council resolutions does the report cite?",
             '''\
resolutions = r.mentions.loc[r.mentions["kind"] == "resolution", "key"]
answer = sorted(resolutions[resolutions.str.startswith("S/RES/")].unique())'''),
    md("""
## To discuss

* Which missions are talked about, and which are not mentioned at all although they are
  large? What does that say about what the meetings were for?
* Mali and MINUSMA: read the paragraphs of exercise 3.3. Who raises the mission, and why?

Next: **4. What was asked of whom?**
"""),
])

# ---------------------------------------------------------------------------
NOTEBOOKS["04_asks"] = ("4. What was asked of whom?", [
    md("""
# 4. What was asked of whom?

**Purpose.** Find the asks in the report -- what speakers called for, requested, urged or
recommended, and the sentences saying someone *should* do something -- and turn them into
lines of a briefing note, each cited by paragraph.

**Time:** about 25 minutes.
"""),
    code(SETUP),
    md("""
## Asking verbs

The kit keeps the reporting verb of every statement and its dictionary form (`lemma`): "called
for" -> `call for`. The verbs that ask for something are listed in `ASK_LEMMAS`:
"""),
    code('''\
from kit.teaching import ASK_LEMMAS

ASK_LEMMAS'''),
    md("""
`isin` keeps the rows whose value is in a list:
"""),
    code('''\
asks = r.statements[r.statements["lemma"].isin(ASK_LEMMAS)]
asks[["statement_id", "para", "speaker", "verb", "joint", "group"]].head(10)'''),
    md("""
Look at the `group` column: a joint statement has one row per co-speaker. How many asks are
there if each joint statement counts once?
"""),
    exercise("4.1", "asks.count",
             "How many asks are there (statements with an asking verb), counting a joint statement once?",
             'answer = r.statements.loc[r.statements["lemma"].isin(ASK_LEMMAS), "group"].nunique()'),
    exercise("4.2", "asks.callers", "Which delegations (Member States) *called for* something (lemma `call for`)?",
             '''\
called = r.statements[(r.statements["lemma"] == "call for") & (r.statements["speaker_kind"] == "member_state")]
answer = called["speaker_id"].drop_duplicates().sort_values()'''),
    exercise("4.3", "asks.top_asker", "Which speaker made the most asks? (Count statement rows.)",
             '''\
asks = r.statements[r.statements["lemma"].isin(ASK_LEMMAS)]
answer = asks["speaker"].value_counts().index[0]'''),
    md("""
## "Should" and "need to"

Many asks have no asking verb: "Member States and the Secretariat **should** work together ...".
`str.contains` finds a pattern in each paragraph; `\\b` marks a word boundary, `|` means "or",
and `case=False` ignores capitals.
"""),
    code('''\
has_must = r.paragraphs["text"].str.contains(r"\\bmust\\b", case=False)
r.paragraphs.loc[has_must, "para"].tolist()'''),
    exercise("4.4", "asks.should_paragraphs",
             "Which paragraphs contain *should* or *need to* (also *needs to*, *needed to*)?",
             '''\
pattern = r"\\b(?:should|needs? to|needed to)\\b"
answer = r.paragraphs.loc[r.paragraphs["text"].str.contains(pattern, case=False), "para"].tolist()'''),
    md("""
## Of whom? The words before "should"

In "the Security Council should fully heed ...", the words before *should* say who is asked.
`str.extract` pulls them out (roughly: a capitalized phrase before *should*):
"""),
    code('''\
sentences = r.paragraphs[["para", "text"]].copy()
sentences["asked"] = sentences["text"].str.extract(r"((?:the )?[A-Z][\\w-]*(?: (?:and|the|of|[A-Z][\\w-]*))*) should\\b")[0]
sentences.dropna(subset=["asked"])[["para", "asked"]]'''),
    md("""
## From table to briefing note

`build_note` puts it together: positions by delegation, key figures and open asks, every line a
sentence of the report with its paragraph number. This is what the briefing-note app builds;
here for one delegation at the first meeting:
"""),
    code('''\
from kit.teaching.briefing import build_note

first_meeting = r.meetings.sort_values("date")["meeting_id"].iloc[0]
note = build_note(r, meeting=first_meeting, speakers=["Mexico"])
print(note.to_markdown())'''),
    md("""
## To discuss

* Of the asks you found, which are addressed to the Security Council, which to the Secretariat,
  which to troop- and police-contributing countries? Which name no one?
* Pick one ask and check it against the paragraph: is the note's line faithful without its
  context?
"""),
])


# ---------------------------------------------------------------------------

def _cells(spec: list, solution: bool) -> list:
    cells = []
    for item in spec:
        kind = item[0]
        if kind == "md":
            cells.append(new_markdown_cell(item[1]))
        elif kind == "code":
            cells.append(new_code_cell(item[1]))
        else:
            _, number, ex_id, question, sol, tip = item
            cells.append(new_markdown_cell(f"**Exercise {number}.** {question}" + (f"\n\n*Tip:* {tip}" if tip else "")))
            body = sol if solution else "answer = ..."
            cells.append(new_code_cell(f'{body}\ncheck("{ex_id}", answer, r)'))
    return cells


def build(folder: Path = HERE) -> list[Path]:
    written = []
    for name, (title, spec) in NOTEBOOKS.items():
        for solution in (False, True):
            nb = new_notebook(cells=_cells(spec, solution))
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nb.metadata["language_info"] = {"name": "python"}
            if solution:
                nb.cells.insert(0, new_markdown_cell(
                    f"> **Trainer's version (solutions).** Participants use `../{name}.ipynb`, whose exercise "
                    "cells hold `answer = ...`."))
            path = (folder / "solutions" if solution else folder) / f"{name}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            # keep cell ids stable between builds
            for i, cell in enumerate(nb.cells):
                cell["id"] = f"{name[:2]}-{i:02d}"
            nbformat.write(nb, path)
            written.append(path)
    return written


if __name__ == "__main__":
    for p in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"wrote {p}")
