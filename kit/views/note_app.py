"""The Briefing note app: choose a meeting, themes and delegations, or one theme across the documents (the
meetings of one report); read the note and download it.

Built like the other apps, in the shell of :mod:`kit.views.shell`: it opens the report with :func:`~kit.views.data.app_report`
(plain rows, no pandas), shows the same header, navigation bar and error panel, and offers the same download
links. The note itself comes from :func:`kit.teaching.briefing.build_note`, or on a theme across the documents
from :func:`kit.teaching.theme_note.theme_note` (chosen with the "Note on" buttons). Markdown and HTML downloads are
``data:`` links built in Python; the Word file is made (and python-docx imported) only when a participant asks
for it.

Examples
--------
>>> from kit.views import app_report
>>> r = app_report()
>>> meeting_options(r)[0]
('All meetings', '')
>>> all(label.endswith((" para.)", " paras.)")) for label, _ in theme_options(r))
True
>>> theme_document_options(r) == theme_options(r)  # one report: its paragraphs on each theme
True
"""

from __future__ import annotations

import io

from markupsafe import Markup

from .. import i18n
from ..display import kind_rank
from ..errors import ReportError
from ..i18n import ngettext
from .data import ViewReport
from .html import _, download_link, error_panel, kind_label, panel
from .queries import summary_themes
from .shards import app_index, is_index, summary
from .shell import HTMLApp, app_language, failure, for_the_trainer, header, html_widget, localized, make_app_class, part

__all__ = ["briefing_app", "meeting_options", "theme_options", "theme_document_options", "speaker_options", "WORD_MIME"]

WORD_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _meeting_paras(r: ViewReport, meeting: str) -> set[int] | None:
    if not meeting:
        return None
    return {p["para"] for p in r.paragraphs if p.get("meeting_id") == meeting}


def meeting_options(r: ViewReport) -> list[tuple[str, str]]:
    """(label, meeting_id) for the meeting picker, "All meetings" first, then by date."""
    opts = [(_("All meetings"), "")]
    for m in sorted(r.meetings, key=lambda m: (m.get("date") or "", m["meeting_id"])):
        title = m.get("title") or ""
        title = title if len(title) <= 70 else title[:69] + "…"
        opts.append(
            (
                " – ".join(x for x in (i18n.format_date(m.get("date"), i18n.get_language()), title) if x)
                or m["meeting_id"],
                m["meeting_id"],
            )
        )
    return opts


def theme_options(r: ViewReport, meeting: str = "") -> list[tuple[str, str]]:
    """(label with its number of paragraphs, theme) in a meeting (or the whole report), most first."""
    inside = _meeting_paras(r, meeting)
    paras: dict[tuple[str, str], set[int]] = {}
    for t in r.themes:
        if inside is None or t["para"] in inside:
            paras.setdefault((t["theme"], t["label"]), set()).add(t["para"])
    ranked = sorted(paras.items(), key=lambda kv: (-len(kv[1]), kv[0][1]))
    return [
        ("{} ({})".format(label, ngettext("{n} para.", "{n} paras.", len(ps)).format(n=len(ps))), theme)
        for (theme, label), ps in ranked
    ]


def theme_document_options(r: ViewReport) -> list[tuple[str, str]]:
    """(label with its number of documents, theme) for a note on one theme across the documents, most first; on
    one report, :func:`theme_options` (its number of paragraphs)."""
    if not r.is_corpus:
        return theme_options(r)
    found = summary(r)
    if found and "theme_documents" in found and is_index(r):  # a corpus index: counted when it was written
        labelled = {th: label for th, (label, _n) in (summary_themes(r) or {}).items()}
        n_docs = found["theme_documents"]
        return [
            (
                "{} ({})".format(
                    labelled[th], ngettext("{n} document", "{n} documents", n_docs[th]).format(n=n_docs[th])
                ),
                th,
            )
            for th in sorted(n_docs, key=lambda th: (-n_docs[th], labelled[th]))
        ]
    docs: dict[str, set[str]] = {}
    for t in r.themes:
        docs.setdefault(t["theme"], set()).add(t.get("report_id") or r.report_id)
    label = {t["theme"]: r.theme_label.get(t["theme"]) or t["label"] for t in r.themes}
    ranked = sorted(docs, key=lambda th: (-len(docs[th]), label[th]))
    return [
        (
            "{} ({})".format(
                label[th], ngettext("{n} document", "{n} documents", len(docs[th])).format(n=len(docs[th]))
            ),
            th,
        )
        for th in ranked
    ]


def speaker_options(r: ViewReport, meeting: str = "") -> list[tuple[str, str]]:
    """(label, speaker_id) of the speakers in a meeting (or the whole report), in the delegation order."""
    seen: dict[str, dict] = {}
    for s in r.statements:
        if (not meeting or s.get("meeting_id") == meeting) and s["speaker_id"] not in seen:
            seen[s["speaker_id"]] = s
    people = sorted(seen.values(), key=lambda s: (kind_rank(s.get("speaker_kind")), s["speaker"].lower()))
    return [
        (
            s["speaker"]
            + ("" if s.get("speaker_kind") == "member_state" else f" ({kind_label(s.get('speaker_kind'))})"),
            s["speaker_id"],
        )
        for s in people
    ]


class _BriefingApp:
    """The widgets and their callbacks; :attr:`widget` is the app a notebook displays."""

    def __init__(self, r: ViewReport) -> None:
        self.corpus = r if r.is_corpus else None
        self.whole = r  # every document: what a note on one theme reads
        self.note = None
        self._quiet = False
        self._mode_controls(r)
        self.document = self._document_control(r)
        if self.document is not None:
            r = part(r, "document", [self.document.value])  # a corpus index: that document's shard
        self.r = r
        self._meeting_controls(r)
        self._buttons()
        self.word_link = html_widget("kit-word-link")
        self.out = html_widget("kit-out")
        self.widget = self._layout()
        self.widget.add_class("kit-app")
        self.widget.briefing = self  # the controls and the current note, for tests and notebooks
        self._wire()
        self.refresh()

    def _mode_controls(self, r: ViewReport) -> None:
        """ "Note on" a meeting or a theme, and the theme's list (shown for a note on a theme)."""
        import ipywidgets as W

        self.mode = W.RadioButtons(
            options=[
                (_("a meeting"), "meeting"),
                (_("a theme across the documents") if r.is_corpus else _("a theme across the meetings"), "theme"),
            ],
            value="meeting",
            description=_("Note on"),
            layout=W.Layout(width="auto"),
        )
        self.mode.add_class("kit-mode")
        self.theme = W.Dropdown(
            options=theme_document_options(r),
            description=_("Theme"),
            layout=W.Layout(width="100%", max_width="820px", display="none"),
        )
        self.theme.add_class("kit-theme")

    def _document_control(self, r: ViewReport):
        """On a corpus, the list of its documents (a note on a meeting is on one document), the last chosen;
        None on one report."""
        if self.corpus is None:
            return None
        import ipywidgets as W

        from .corpus import document_options

        docs = document_options(r)
        document = W.Dropdown(
            options=docs, value=docs[-1][1], description=_("Document"), layout=W.Layout(width="100%", max_width="820px")
        )
        document.add_class("kit-document")
        return document

    def _meeting_controls(self, r: ViewReport) -> None:
        """The meeting's list and the lists of its themes and speakers (several may be chosen)."""
        import ipywidgets as W

        self.meeting = W.Dropdown(
            options=meeting_options(r),
            value="",
            description=_("Meeting"),
            layout=W.Layout(width="100%", max_width="820px"),
        )
        self.themes = W.SelectMultiple(
            options=theme_options(r), description=_("Themes"), rows=8, layout=W.Layout(width="100%", max_width="620px")
        )
        self.speakers = W.SelectMultiple(
            options=speaker_options(r),
            description=_("Speakers"),
            rows=8,
            layout=W.Layout(width="100%", max_width="620px"),
        )
        self.meeting.add_class("kit-meeting")
        self.themes.add_class("kit-themes")
        self.speakers.add_class("kit-speakers")

    def _buttons(self) -> None:
        import ipywidgets as W

        self.clear = W.Button(description=_("Clear choices"), icon="times", tooltip=_("Clear the themes and speakers"))
        self.word = W.Button(
            description=_("Prepare Word file"),
            icon="file-word-o",
            tooltip=_("Make the note as a Word document, then download it"),
        )
        self.word.add_class("kit-word")

    def _layout(self):
        """The app: the header, the controls, where the Word file's link appears, the note."""
        import ipywidgets as W

        lead = _(
            "Choose a meeting and, if you like, themes and speakers (none chosen means "
            "all). The note below updates: every line is a "
            "sentence of the report, word for word, with the paragraph to cite. Check it "
            "against the report before you use it."
        )
        intro = html_widget("kit-head", panel(header(self.corpus or self.r, "briefing_note", lead, several=True)))
        controls = [
            self.mode,
            self.theme,
            *([self.document] if self.document is not None else []),
            self.meeting,
            self.themes,
            self.speakers,
            W.HBox([self.clear, self.word]),
        ]
        return make_app_class()(repr(self), [intro, W.VBox(controls), self.word_link, self.out])

    def _wire(self) -> None:
        """Every callback, in one place."""
        if self.document is not None:
            self.document.observe(self.on_document, names="value")
        self.mode.observe(self.on_mode, names="value")
        self.theme.observe(self.refresh, names="value")
        self.meeting.observe(self.on_meeting, names="value")
        self.themes.observe(self.refresh, names="value")
        self.speakers.observe(self.refresh, names="value")
        self.clear.on_click(self.on_clear)
        self.word.on_click(self.on_word)

    def __repr__(self) -> str:
        return (
            f"Briefing note app: {self.r.report_id}, {len(self.meeting.options) - 1} meetings, "
            f"{len(self.speakers.options)} speakers"
        )

    def _stem(self) -> str:
        stem = "-".join(_("briefing note").lower().split())
        if self.mode.value == "theme":
            return f"{stem}-{self.whole.report_id}-{self.theme.value}"
        every = _("all")
        return f"{stem}-{self.r.report_id}-{self.meeting.value or every}"

    def refresh(self, *_args) -> None:
        """Rebuild the note and its download links from the current choices."""
        from ..teaching.briefing import build_note

        if self._quiet:
            return
        self.word_link.value = ""
        try:
            if self.mode.value == "theme":
                from ..teaching.theme_note import theme_note

                self.note = theme_note(
                    part(self.whole, "theme", [self.theme.value]), self.theme.value, lang=i18n.get_language()
                )
            else:
                self.note = build_note(
                    self.r,
                    meeting=self.meeting.value or None,
                    themes=list(self.themes.value) or None,
                    speakers=list(self.speakers.value) or None,
                    lang=i18n.get_language(),
                )
        except ReportError as exc:  # NoteError: a choice that matches nothing
            self.note = None
            self.out.value = panel(
                Markup('<p role="status"><b>{}</b> {}</p>').format(
                    _("No note for these choices:"), exc.localized(i18n.get_language(), source=False)
                )
            )
            return
        except Exception as exc:  # noqa: BLE001 - shown to the participant instead of a traceback
            self.note = None
            self.out.value = failure(exc)
            return
        note, stem = self.note, self._stem()
        self.out.value = panel(
            Markup("<h3>{}</h3>").format(_("Download the note"))
            + Markup(
                download_link(f"{stem}.md", note.to_markdown(), _("Briefing note (Markdown)"), mime="text/markdown")
            )
            + Markup(download_link(f"{stem}.html", note.to_html(), _("Briefing note (HTML)"), mime="text/html"))
            + Markup('<div class="note">{}</div>').format(Markup(_fragment(note)))
        )  # the note escapes report text

    def on_word(self, _event=None) -> None:
        """Make the Word file now (python-docx is imported only here) and offer it for download."""
        if self.note is None:
            self.word_link.value = panel(
                Markup('<p role="status">{}</p>').format(
                    _("Choose a meeting, themes or speakers that give a note first.")
                )
            )
            return
        try:
            buf = io.BytesIO()
            self.note.to_docx(buf)
        except Exception as exc:  # noqa: BLE001 - e.g. python-docx missing on this server
            self.word_link.value = panel(
                Markup('<div role="alert"><p>{}</p>{}</div>').format(
                    _(
                        "The Word file could not be made here. Download the HTML file and open it with your word "
                        "processor instead."
                    ),
                    for_the_trainer(exc),
                )
            )
            return
        self.word_link.value = panel(
            Markup(download_link(f"{self._stem()}.docx", buf.getvalue(), _("Briefing note (Word)"), mime=WORD_MIME))
        )

    def on_mode(self, change=None) -> None:
        """A note on a meeting shows the document, meeting, themes and speakers; a note on a theme, the theme."""
        theme = self.mode.value == "theme"
        for w in (self.document, self.meeting, self.themes, self.speakers, self.clear):
            if w is not None:
                w.layout.display = "none" if theme else None
        self.theme.layout.display = None if theme else "none"
        self.refresh()

    def on_meeting(self, change=None) -> None:
        """A new meeting narrows the theme and speaker lists, keeping the choices that are still there."""
        keep_t, keep_s = set(self.themes.value), set(self.speakers.value)
        self._quiet = True  # one new note at the end, not one per list change
        try:
            self.themes.options = theme_options(self.r, self.meeting.value)
            self.speakers.options = speaker_options(self.r, self.meeting.value)
            self.themes.value = tuple(v for _, v in self.themes.options if v in keep_t)
            self.speakers.value = tuple(v for _, v in self.speakers.options if v in keep_s)
        finally:
            self._quiet = False
        self.refresh()

    def on_document(self, change=None) -> None:
        """Another document of the corpus: its meetings, themes and speakers, and a new note."""
        self.r = part(self.corpus, "document", [self.document.value])
        self._quiet = True
        try:
            self.meeting.options = meeting_options(self.r)
            self.meeting.value = ""
        finally:
            self._quiet = False
        self.on_meeting()

    def on_clear(self, _event=None) -> None:
        self._quiet = True
        try:
            self.themes.value, self.speakers.value = (), ()
        finally:
            self._quiet = False
        self.refresh()


def _fragment(note) -> str:
    """The note as an HTML fragment for the page (the download is the standalone page)."""
    try:
        return note.to_html(standalone=False)
    except TypeError:  # a note model without fragments: the page's body
        page = note.to_html()
        start, end = page.find("<body>"), page.rfind("</body>")
        return page[start + 6 : end] if start >= 0 and end > start else page


def briefing_app(report: ViewReport | None = None, lang: str | None = None):
    """The Briefing note app on ``report``, else ``$KIT_REPORT``, else the bundled report, in ``lang`` (else the
    page's ``?lang=``, else ``$KIT_LANG``).

    A report that cannot be opened gives the apps' friendly panel naming the file, not a traceback.
    """
    app_language(lang)
    if report is None:
        try:
            report = app_index()  # a corpus: the index of its shards, then one document's (shell.part)
        except (ReportError, OSError, ValueError) as exc:
            return HTMLApp(error_panel(exc), f"Briefing note: the report could not be opened ({exc})")
    return _BriefingApp(localized(report, i18n.get_language())).widget
