"""The Briefing note app: choose a meeting, themes and delegations; read and download the note.

The notebook ``notebooks/briefing_note.ipynb`` only calls :func:`briefing_app`;
the choices, the note (:func:`kit.teaching.briefing.build_note`) and the
downloads live here. Downloads are ``data:`` URIs built in Python (Markdown,
HTML, Word), so nothing goes back to the server. ipywidgets is imported only
when an app is built.

Examples
--------
>>> from kit import load_report
>>> meeting_options(load_report())[:2]
[('All meetings', ''), ('13 Apr 2021 – Implementation of Security Council resolution 2518 (2020) on the safe…', '2021-04-13')]
"""

from __future__ import annotations

from ..errors import ReportError
from .briefing import NoteError, build_note

__all__ = ["briefing_app", "meeting_options", "theme_options", "speaker_options", "BriefingApp"]

# Delegations first, then other speakers, briefers and the Chair.
KIND_ORDER = {"member_state": 0, "observer_state": 1, "organization": 2, "other": 3, "briefer": 4, "chair": 5}
WORD_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def meeting_options(report) -> list[tuple[str, str]]:
    """(label, meeting_id) for the meeting picker, "All meetings" first."""
    opts = [("All meetings", "")]
    for m in report.meetings.sort_values("date").itertuples():
        title = m.title if len(m.title) <= 70 else m.title[:69] + "…"
        opts.append((f"{m.date:%d %b %Y} – {title}", m.meeting_id))
    return opts


def theme_options(report, meeting: str = "") -> list[tuple[str, str]]:
    """(label with paragraph count, theme) of the themes in a meeting (or the whole report), most first."""
    t = report.themes
    if meeting:
        t = t[t["para"].isin(report.paragraphs.loc[report.paragraphs["meeting_id"] == meeting, "para"])]
    counts = t.groupby(["theme", "label"])["para"].nunique().reset_index().sort_values(
        ["para", "label"], ascending=[False, True])
    return [(f"{row.label} ({row.para} paras.)", row.theme) for row in counts.itertuples()]


def speaker_options(report, meeting: str = "") -> list[tuple[str, str]]:
    """(label, speaker_id) of the speakers in a meeting (or the whole report), delegations first."""
    st = report.statements
    if meeting:
        st = st[st["meeting_id"] == meeting]
    people = st.drop_duplicates("speaker_id")[["speaker_id", "speaker", "speaker_kind"]]
    people = people.assign(order=people["speaker_kind"].map(KIND_ORDER).fillna(3)).sort_values(["order", "speaker"])
    return [(row.speaker + ("" if row.speaker_kind == "member_state" else f" ({row.speaker_kind})"), row.speaker_id)
            for row in people.itertuples()]


class BriefingApp:
    """The app's widgets and callbacks; ``widget`` is what the notebook displays."""

    def __init__(self, report) -> None:
        import ipywidgets as W

        self.report = report
        self.meeting = W.Dropdown(options=meeting_options(report), value="", description="Meeting",
                                  layout=W.Layout(width="100%"))
        self.themes = W.SelectMultiple(options=theme_options(report), description="Themes", rows=8,
                                       layout=W.Layout(width="50%"))
        self.speakers = W.SelectMultiple(options=speaker_options(report), description="Speakers", rows=8,
                                         layout=W.Layout(width="50%"))
        self.clear = W.Button(description="Clear themes and speakers", icon="times")
        self.status = W.HTML()
        self.downloads = W.HTML()
        self.preview = W.HTML(layout=W.Layout(max_height="32em", overflow="auto", border="1px solid #ccc",
                                              padding="0 1em"))
        help_text = W.HTML("<small>Hold Ctrl (Cmd on a Mac) to choose several themes or speakers. "
                           "No theme or speaker chosen means all of them.</small>")
        self.widget = W.VBox([self.meeting, W.HBox([self.themes, self.speakers]), W.HBox([self.clear, help_text]),
                              self.status, self.downloads, self.preview])
        self.meeting.observe(self.on_meeting, names="value")
        self.themes.observe(self.refresh, names="value")
        self.speakers.observe(self.refresh, names="value")
        self.clear.on_click(self.on_clear)
        self.refresh()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return f"Briefing note app: {len(self.meeting.options) - 1} meetings, {len(self.speakers.options)} speakers"

    def refresh(self, *_) -> None:
        """Rebuild the note, the summary line and the download links from the current choices."""
        from ..views.html import download_link

        try:
            note = build_note(self.report, meeting=self.meeting.value or None,
                              themes=list(self.themes.value) or None, speakers=list(self.speakers.value) or None)
        except NoteError as exc:
            self.status.value = f"<b>Cannot build this note:</b> {exc}"
            return
        stem = f"briefing-note-{self.report.report_id}-{self.meeting.value or 'all'}"
        self.downloads.value = "Download: " + " · ".join([
            download_link(f"{stem}.md", note.to_markdown(), "Markdown", mime="text/markdown"),
            download_link(f"{stem}.html", note.to_html(), "HTML", mime="text/html"),
            download_link(f"{stem}.docx", note.docx_bytes(), "Word", mime=WORD_MIME),
        ])
        cited = sorted({p for line in note.lines for p in line.paras})
        self.status.value = (f"{len(note.lines)} lines, citing {len(cited)} paragraphs: "
                             + ", ".join(f"{len(s.lines)} {s.title.lower()}" for s in note.sections))
        self.preview.value = note.to_html(standalone=False)

    def on_meeting(self, change=None) -> None:
        """A new meeting narrows the theme and speaker lists, keeping what is still there."""
        keep_t, keep_s = set(self.themes.value), set(self.speakers.value)
        self.themes.options = theme_options(self.report, self.meeting.value)
        self.speakers.options = speaker_options(self.report, self.meeting.value)
        self.themes.value = tuple(v for _, v in self.themes.options if v in keep_t)
        self.speakers.value = tuple(v for _, v in self.speakers.options if v in keep_s)
        self.refresh()

    def on_clear(self, _=None) -> None:
        self.themes.value, self.speakers.value = (), ()


def briefing_app(report=None):
    """The Briefing note app on ``report``, else ``$KIT_REPORT``, else the bundled report.

    A report that cannot be opened gives a friendly panel naming the file, not a traceback.
    """
    if report is None:
        from ..report import load_report
        from ..views.data import report_path

        try:
            report = load_report(report_path())
        except (ReportError, OSError, ValueError) as exc:
            import ipywidgets as W

            from ..views.html import error_panel

            return W.HTML(error_panel(exc))
    return BriefingApp(report)
