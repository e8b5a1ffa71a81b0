"""Renderings of a :class:`kit.teaching.note.Note`: Markdown, HTML (A4 print) and Word (A4, real styles).

All three are built from one row model (:func:`rows`), so they say the same thing. Report text is data:
Markdown escapes its syntax (raw HTML included), the HTML comes from an autoescaping Jinja2 template
(``templates/note.html.j2`` with ``templates/note.css``, package data), and Word writes plain runs.
python-docx is imported only by :func:`to_docx`.

Examples
--------
>>> cite_paras([27, 26])
'(paras. 26-27)'
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..citation import cite, cite_paras, paragraphs
from ..display import format_date, meeting_format
from ..exports import escape_markdown
from ..i18n import N_, and_list, colon, format_number, semicolon, translator
from ..paths import TEACHING_TEMPLATES_DIR
from .speakers import official_name

if TYPE_CHECKING:  # pragma: no cover
    from .note.model import Item, Note

__all__ = [
    "to_markdown",
    "to_html",
    "to_docx",
    "rows",
    "row",
    "markdown_lines",
    "markdown_words",
    "heading_lines",
    "cite_paras",
]

_SEE = {
    "key_messages": N_("quoted under Key messages"),
    "asks": N_("quoted under Asks"),
    "purpose": N_("quoted above"),
    "briefers": N_("quoted above"),
    "positions": N_("quoted above"),
}
#: The kinds of key figures (:data:`kit.teaching.figures.FIGURE_KINDS`) as the note names them.
FIGURE_KIND_LABELS = {
    "casualties": N_("casualties"),
    "personnel": N_("personnel"),
    "money": N_("money"),
    "percentage": N_("percentage"),
    "people": N_("people"),
    "count": N_("count"),
    "duration": N_("duration"),
}


def _tr(note: "Note"):
    return translator(getattr(note, "lang", "en"))


def heading_lines(note: "Note") -> list[tuple[str, str]]:
    """The heading as (label, value) pairs: body, meeting, chair, document, selection (in the note's language)."""
    h = note.heading
    lang = getattr(note, "lang", "en")
    _ = _tr(note).gettext
    out = []
    same = (getattr(note, "quote_lang", None) or lang) == lang
    if h.get("body"):  # in another language than the report's: its name in that language, else quoted
        body = h["body"] if same else official_name(h["body"], lang) or _("“{text}”").format(text=h["body"])
        out.append((_("Body"), body))
    if h.get("documents"):  # a note across documents (kit.teaching.theme_note): how many, and when
        out.append((_("Documents"), _documents_line(h["documents"], lang)))
        if h.get("period"):
            out.append((_("Period"), _period_line(h["period"], lang)))
    elif h.get("meeting_id"):
        when = ", ".join(x for x in (format_date(h.get("date"), lang), meeting_format(h.get("format"), lang)) if x)
        out.append((_("Meeting"), when or h["meeting_id"]))
    elif h.get("dates"):
        out.append((_("Meetings"), semicolon(lang).join(format_date(d, lang) for d in h["dates"])))
    if h.get("meeting_title") and h["meeting_title"] not in note.title:  # the title the report gives, quoted
        out.append((_("Meeting subject"), _("“{text}”").format(text=h["meeting_title"])))
    if h.get("chair"):
        out.append((_("Chair"), h["chair"]))
    paras = h.get("paras") or []
    where = f", {paragraphs(range(paras[0], paras[1] + 1), lang)}" if len(paras) == 2 and paras[0] != paras[1] else ""
    if h.get("document"):
        out.append((_("Document"), f"{h['document']}{where}"))
    elif not h.get("documents"):
        out.append((_("Report"), f"{h['report_id']}{where}"))
    f = note.filters
    if f.get("theme_labels"):
        out.append((_("Themes"), ", ".join(f["theme_labels"])))
    if f.get("speaker_labels"):
        out.append((_("Speakers"), ", ".join(f["speaker_labels"])))
    return out


def _documents_line(documents: list[dict], lang: str) -> str:
    """The documents of a note across documents: their symbols when a few, else how many."""
    if len(documents) <= 6:
        return ", ".join(d["label"] for d in documents)
    return format_number(len(documents), lang)


def _period_line(period: list, lang: str) -> str:
    """``"15 January 2023 to 10 January 2025"``, or the one date."""
    first, last = (format_date(d, lang) for d in period)
    if first == last:
        return first
    return translator(lang).gettext("{start} to {end}").format(start=first, end=last)


def cite_item(item: "Item", paras: list[int], lang: str = "en") -> str:
    """The citation after a quote: ``"(para. 27)"``, or with its document in a note across documents:
    ``"(A/C.4/78/SR.9, para. 12)"``."""
    if getattr(item, "document", None):
        return f"({cite(item.document, paras, lang)})"
    return cite_paras(paras, lang)


def _who(item: "Item", lang: str = "en") -> str:
    """Who said it: the names, or "12 delegations" when the quoted sentence names them all itself."""
    names = list(item.speakers)
    if not names:
        return ""
    tr = translator(lang)
    if len(names) >= 3 and item.kind in ("key_message", "position", "ask"):
        named = getattr(item, "named", False) or all(n.split()[0] in item.text for n in names)
        count = tr.ngettext("{n} delegation", "{n} delegations", len(names)).format(n=len(names))
        return count if named else f"{and_list(names, lang)} ({count})"
    return and_list(names, lang)


def row(item: "Item", lang: str = "en", note: "Note | None" = None) -> dict[str, Any]:
    """One item as the plain strings every rendering shows: who, how (asks), figure, text, cite, parts; ``before``,
    ``own``, ``after`` split a sentence shared with other speakers at the part that is this item's; ``supports``
    (the officer's sections) names the quotes that support it."""
    _ = translator(lang).gettext
    plain = item.kind in ("citation", "not_quoted", "to_fill", "see_annex")
    out: dict[str, Any] = {
        "who": "",
        "how": "",
        "text": item.text,
        "cite": "" if plain else cite_item(item, item.paras[:1], lang),
        "figure": "",
        "figure_kind": "",
        "parts": [],
        "colon": colon(lang),
        "own": "",
        "before": "",
        "after": "",
        "fill": item.kind == "to_fill",
        "supports": "",
    }
    if not plain and item.kind != "briefing":
        out["who"] = _who(item, lang)
    quote_lang = getattr(note, "quote_lang", None) or lang
    if item.kind == "ask":
        if quote_lang == lang:  # the report's own words, and whom they ask
            out["how"] = (item.form or "") + (
                _("; of {addressee}").format(addressee=item.addressee) if item.addressee else ""
            )
        else:  # a note in another language than the report names the kind of ask in its own words
            from .asks import form_kind

            out["how"] = _(ASK_KIND_LABELS[form_kind(item.form or "", quote_lang)])
    if item.kind == "figure":
        out["figure"] = "; ".join(f["text"] for f in item.figures)
        out["figure_kind"] = ", ".join(
            dict.fromkeys(_(FIGURE_KIND_LABELS.get(f["kind"], f["kind"])) for f in item.figures)
        )
    if item.see and item.kind in ("ask", "figure"):
        out["text"] = f"[{_(_SEE.get(item.see, N_('quoted above')))}]"
    elif item.brief:  # an ask cut to one line: a verbatim excerpt, an ellipsis where words are left out
        out["text"] = _excerpt(item.text, item.brief)
    elif item.own:
        a, b = item.own
        out["before"], out["own"], out["after"] = item.text[:a], item.text[a:b], item.text[b:]
    if item.kind == "to_fill" and note is not None:
        out["supports"] = _supports(item, note, lang)
    out["parts"] = [
        {
            "text": _excerpt(p["text"], p["brief"]) if p.get("brief") else p["text"],
            "cite": cite_item(item, [p["para"]], lang),
        }
        for p in item.parts
    ]
    return out


def _excerpt(text: str, span: list[int]) -> str:
    """``text[a:b]`` with an ellipsis for the words left out before and after.

    >>> _excerpt("One two three four.", [4, 13])
    '… two three …'
    """
    a, b = span
    return ("… " if text[:a].strip() else "") + text[a:b] + (" …" if text[b:].strip() else "")


#: How a note in another language than its report names the kinds of ask (:func:`kit.teaching.asks.form_kind`).
ASK_KIND_LABELS = {
    "verb": N_("request"),
    "modal": N_("prescription"),
    "welcome": N_("suggestion"),
    "necessity": N_("stated need"),
    "need": N_("stated need"),
}


def _supports(item: "Item", note: "Note", lang: str) -> str:
    """The quotes an officer's section rests on: "12 delegations (para. 27); Jai Menon (para. 9)"."""
    where = {(s.key, i.report_id, i.paras[0], i.start): (s, i) for s in note.sections for i in s.items if i.quote}
    names = []
    for ref in item.supports:
        found = where.get((ref["section"], ref.get("report_id"), ref["para"], ref["start"]))
        if found:
            sec, quoted = found
            names.append(f"{_who(quoted, lang) or sec.title} {cite_item(quoted, [ref['para']], lang)}")
    if not names:
        return ""
    return (
        translator(lang)
        .gettext("Supporting quotes: {quotes}")
        .format(quotes=semicolon(lang).join(dict.fromkeys(names)))
    )


def rows(note: "Note") -> list[dict]:
    """The note as sections -> groups -> rows of plain strings (what every rendering shows); ``annex`` marks the
    sections printed after a page break."""
    from .note.outline import ANNEX_SECTIONS

    out = []
    for s in note.sections:
        groups: list[dict] = []
        grouped = s.key in ("briefers", "positions")
        for item in s.items:
            title = item.group if grouped else None
            if not groups or groups[-1]["title"] != title:
                groups.append({"title": title, "rows": []})
            groups[-1]["rows"].append(row(item, note.lang, note))
        out.append(
            {
                "key": s.key,
                "title": s.title,
                "empty": s.empty,
                "groups": groups,
                "fill": any(i.kind == "to_fill" for i in s.items),
                "annex": s.key in ANNEX_SECTIONS,
            }
        )
    return out


# ---------------------------------------------------------------------------
# Markdown


def markdown_lines(note: "Note", cache: dict | None = None, *, annex: bool = True) -> list[str]:
    """The Markdown, line by line; ``cache`` (a dict) keeps each item's lines between calls (the length cut);
    ``annex=False`` stops before the annex (:data:`~kit.teaching.note.ANNEX_SECTIONS`, after a rule)."""
    from .note.outline import ANNEX_SECTIONS

    out = [f"# {escape_markdown(note.title)}", ""]
    out += [f"**{escape_markdown(k)}{colon(note.lang)}** {escape_markdown(v)}  " for k, v in heading_lines(note)]
    for s in note.sections:
        if s.key in ANNEX_SECTIONS:
            if not annex:
                break
            out += ["", "---"]
        out += ["", f"## {escape_markdown(s.title)}", ""]
        if not s.items:
            out.append(f"_{escape_markdown(s.empty)}_")
        grouped, title = s.key in ("briefers", "positions"), None
        for n, item in enumerate(s.items):
            if grouped and (n == 0 or item.group != title) and item.group:
                out += ([] if out[-1] == "" else [""]) + [f"### {escape_markdown(item.group)}", ""]
            title = item.group
            out += item_markdown(item, cache, note.lang, note)
    return out


def item_markdown(item: "Item", cache: dict | None = None, lang: str = "en", note: "Note | None" = None) -> list[str]:
    """The Markdown lines of one item (its bullet and the bullets of its parts)."""
    # the text too: the citations are rebuilt at each step of the cut, and a new item may get a freed id
    key = (
        id(item),
        item.kind,
        item.text,
        item.see,
        tuple(item.speakers),
        lang,
        tuple(map(str, item.supports)),
        tuple(item.brief or ()),
        tuple(tuple(p.get("brief") or ()) for p in item.parts),
    )
    lines = cache.get(key) if cache is not None else None
    if lines is None:
        r = row(item, lang, note)
        if r["fill"]:  # the officer's own words go here: a marked place, and the quotes it can rest on
            lines = [f"- _{escape_markdown(r['text'])}_", "", "  > …", ""]
            lines += [f"  {escape_markdown(r['supports'])}"] if r["supports"] else []
            if cache is not None:
                cache[key] = lines
            return lines
        lines = ["- " + _md_row(r)] + [f"  - {escape_markdown(p['text'])} {p['cite']}" for p in r["parts"]]
        if cache is not None:
            cache[key] = lines
    return lines


def to_markdown(note: "Note") -> str:
    return "\n".join(markdown_lines(note)).rstrip() + "\n"


def markdown_words(note: "Note", cache: dict | None = None) -> int:
    """Words of :func:`to_markdown` up to the annex (what the length limit counts), fast with a ``cache``."""
    return sum(len(line.split()) for line in markdown_lines(note, cache, annex=False))


def _md_row(r: dict) -> str:
    head = ""
    if r["figure"]:
        head += f"**{escape_markdown(r['figure'])}** ({escape_markdown(r['figure_kind'])})" + (
            ", " if r["who"] else r["colon"] + " "
        )
    if r["who"]:
        head += (
            f"**{escape_markdown(r['who'])}**"
            + (f" _({escape_markdown(r['how'])})_" if r["how"] else "")
            + r["colon"]
            + " "
        )
    text = escape_markdown(r["text"])
    if r["own"]:  # the speakers' own part of a sentence shared with others, in bold
        text = f"{escape_markdown(r['before'])}**{escape_markdown(r['own'])}**{escape_markdown(r['after'])}"
    return f"{head}{text} {r['cite']}".rstrip()


# ---------------------------------------------------------------------------
# HTML


@lru_cache(maxsize=1)
def _template():
    import jinja2

    folder = TEACHING_TEMPLATES_DIR
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        loader=jinja2.FunctionLoader(lambda name: (folder / name).read_text(encoding="utf-8")),
    )
    return env.get_template("note.html.j2"), (folder / "note.css").read_text(encoding="utf-8")


def to_html(note: "Note", *, standalone: bool = True) -> str:
    """A standalone page that prints on A4, or (``standalone=False``) a ``<div class="briefing-note">``."""
    template, css = _template()
    return template.render(
        note=note,
        heading=heading_lines(note),
        sections=rows(note),
        css=css,
        standalone=standalone,
        lang=note.lang,
        colon=colon(note.lang),
    )


# ---------------------------------------------------------------------------
# Word


def to_docx(note: "Note", path: str | Path | io.IOBase) -> None:
    """Write a Word file: A4, styles Title / Heading 1 / Heading 2 / List Bullet, reproducible bytes."""
    from ..errors import require

    Document = require("docx", "Word (.docx)", "export").Document
    doc = Document()
    stamp = _docx_page_and_properties(doc, note)
    doc.add_paragraph(note.title, style="Title")
    for k, v in heading_lines(note):
        p = doc.add_paragraph()
        p.add_run(f"{k}{colon(note.lang)} ").bold = True
        p.add_run(v)
    for s in rows(note):
        if s["annex"]:  # after the two pages
            doc.add_page_break()
        doc.add_paragraph(s["title"], style="Heading 1")
        if not s["groups"]:
            doc.add_paragraph().add_run(s["empty"]).italic = True
        for g in s["groups"]:
            if g["title"]:
                doc.add_paragraph(g["title"], style="Heading 2")
            for r in g["rows"]:
                _docx_row(doc, r)
    save_docx(doc, path, stamp)


def _docx_page_and_properties(doc, note: "Note") -> _dt.datetime:
    """A4 pages with 20 mm margins, compact styles, and the file's properties dated by the report (not by the
    clock: the same note gives the same bytes); returns that date."""
    from docx.shared import Mm

    _compact_styles(doc)
    for sec in doc.sections:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(20)
        sec.top_margin = sec.bottom_margin = Mm(20)
    rd = note.heading.get("report_date")
    stamp = _dt.datetime.combine(_dt.date.fromisoformat(rd) if rd else _dt.date(2000, 1, 1), _dt.time())
    props = doc.core_properties
    props.title = note.title[:255]
    props.author = props.last_modified_by = "Peacekeeping Briefing Kit"
    props.created = props.modified = stamp
    props.revision = 1
    return stamp


def _docx_row(doc, r: dict) -> None:
    """One row of :func:`rows` as a bulleted paragraph: the figure, who, the quote (the speakers' own words in
    bold), its citation, and a request's numbered areas under it; the officer's place is the prompt, a line to
    write on and the supporting quotes."""
    p = doc.add_paragraph(style="List Bullet")
    if r["fill"]:
        p.add_run(r["text"]).italic = True
        doc.add_paragraph("…")
        if r["supports"]:
            doc.add_paragraph().add_run(r["supports"]).italic = True
        return
    if r["figure"]:
        p.add_run(r["figure"]).bold = True
        p.add_run(f" ({r['figure_kind']})" + (", " if r["who"] else r["colon"] + " "))
    if r["who"]:
        p.add_run(r["who"]).bold = True
        if r["how"]:
            p.add_run(f" ({r['how']})").italic = True
        p.add_run(r["colon"] + " ")
    if r["own"]:
        p.add_run(r["before"])
        p.add_run(r["own"]).bold = True
        p.add_run(r["after"] + (" " if r["cite"] else ""))
    else:
        p.add_run(r["text"] + (" " if r["cite"] else ""))
    if r["cite"]:
        p.add_run(r["cite"]).italic = True
    for part in r["parts"]:
        q = doc.add_paragraph(style="List Bullet 2")
        q.add_run(part["text"] + " ")
        q.add_run(part["cite"]).italic = True


def save_docx(doc, path: str | Path | io.IOBase, stamp: _dt.datetime) -> None:
    """Write a python-docx document to a path or an open binary file, with fixed zip times (the same note or
    report gives the same bytes): the one way the teaching material writes Word files."""
    buf = io.BytesIO()
    doc.save(buf)
    data = _fixed_zip(buf.getvalue(), stamp)
    if isinstance(path, (str, Path)):
        Path(path).write_bytes(data)
    else:
        path.write(data)


def _compact_styles(doc) -> None:
    """Set the named styles so a meeting note fits two A4 pages; an agency template can restyle them."""
    from docx.shared import Pt

    sizes = {"Normal": 10, "List Bullet": 10, "List Bullet 2": 10, "Heading 1": 12, "Heading 2": 10.5, "Title": 16}
    for name, size in sizes.items():
        style = doc.styles[name]
        style.font.size = Pt(size)
        fmt = style.paragraph_format
        fmt.space_before = Pt(6 if name.startswith("Heading") else 0)
        fmt.space_after = Pt(2)
        fmt.line_spacing = 1.0
    doc.styles["Normal"].font.name = "Times New Roman"


def _fixed_zip(data: bytes, stamp: _dt.datetime) -> bytes:
    """Re-pack a zip with fixed entry timestamps, so the file is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()
