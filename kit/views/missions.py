"""The Missions app: the peacekeeping operations and political missions the report names, on a map, and for
the one chosen every sentence that names it and who was speaking.

Examples
--------
>>> from kit.views import app_report
>>> "UNIFIL" in missions_html(app_report(), "UNIFIL")
True
"""

from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from .. import i18n
from ..i18n import ngettext
from . import charts, queries
from .data import ViewReport
from .html import _, csv_download, highlight, markdown_download, panel, render, table
from .shell import control, guard, header, html_widget, make_app_class, open_report, part, query_param, ref, ref_column

__all__ = ["missions_html", "missions_app"]


def missions_html(r: ViewReport, key: str | None) -> Markup:
    """The map of the missions the report names, their table and, for the mission ``key``, every sentence naming
    it, who was speaking and its downloads."""
    summary = queries.mission_summary(r)
    if not summary:
        return panel(Markup("<p>{}</p>").format(_("This report names no peacekeeping operation or political mission.")))
    points = [
        {
            "key": m["key"],
            "label": f"{m['key']} — {m['name']} ({m['host']})",
            "lat": m["lat"],
            "lon": m["lon"],
            "n": m["n"],
        }
        for m in summary
    ]
    listing = table(
        [_("Mission"), _("Name"), _("Host"), _("Mentions"), _("Paragraphs")],
        (
            [Markup("<b>{}</b>").format(m["key"]), m["name"], m["host"], str(m["n"]), queries.para_list(r, m["paras"])]
            for m in summary
        ),
        numeric=(3,),
        cls="kt stack",
    )
    link = "?" + urlencode({"lang": i18n.get_language()}) + "&mission={key}"
    ctx = {
        "map": charts.mission_map(points, selected=key, link=link),
        "missing": ", ".join(m["key"] for m in summary if m["lat"] is None),
        "table": listing,
        "key": key,
        "name": "",
        "citation": "",
        "speakers": "",
        "downloads": "",
        "rows": "",
    }
    if key:
        ctx.update(_chosen(r, key, next((m for m in summary if m["key"] == key), None)))
    return panel(render("missions.html.j2", **ctx))


def _chosen(r: ViewReport, key: str, info: dict | None) -> dict:
    """The template's parts for the mission ``key`` (``info``: its row of the summary, if the report names it):
    its name, citation, the speakers who named it, the downloads and the sentences naming it."""
    rows = queries.mission_rows(r, key)
    parts: dict = {"name": info["name"] if info else ""}
    if rows:
        parts["citation"] = r.cite_rows(rows)
        parts["speakers"] = ", ".join(sorted({x["speaker"] for x in rows if x["speaker"]})) or _(
            "none (report narrative)"
        )
    heading = f"{key} — {info['name']}" if info else key
    parts["downloads"] = csv_download(
        f"{r.report_id}-{key}.csv",
        ["mission", "para", "surface", "speaker", "sentence", "citation"],
        ([key, x["para"], x["surface"], x["speaker"], " ".join(x["sentence"].split()), r.cite_rows([x])] for x in rows),
        _("Mentions (CSV)"),
    ) + markdown_download(
        f"{r.report_id}-{key}.md",
        queries.note_markdown(r, heading, [(x["para"], x["speaker"], x["sentence"], x["report_id"]) for x in rows]),
    )
    parts["rows"] = table(
        [ref_column(r), _("Speaker"), _("Named as"), _("Sentence")],
        ([ref(r, x), x["speaker"] or "—", x["surface"], highlight(x["sentence"], [x["mark"]])] for x in rows),
        numeric=(0,),
        cls="kt stack",
    )
    return parts


def missions_app(report: ViewReport | None = None, mission: str | None = None, lang: str | None = None):
    """A map of the missions mentioned; per mission the paragraphs, speakers and sentences.

    Each dot on the map links to this page with ``?mission=KEY``, which opens with that mission chosen.
    """
    r, err = open_report(report, "Missions", lang, index=True)  # a corpus: the shard of the mission chosen
    if err:
        return err
    summary = queries.mission_summary(r)
    # acronym and count: a phone shows the chosen line whole; the table under the map gives name and host
    options = [
        ("{} ({})".format(m["key"], ngettext("{n} mention", "{n} mentions", m["n"]).format(n=m["n"])), m["key"])
        for m in summary
    ]
    keys = [k for _, k in options]
    asked = mission or query_param("mission")
    status = html_widget("kit-status")
    pick = control(
        "Dropdown",
        "kit-mission",
        status,
        options=options,
        value=asked if asked in keys else (keys[0] if keys else None),
        description=_("Mission"),
        max_width="820px",
    )
    out = html_widget("kit-out")

    def redraw(*_args):
        status.value = ""
        guard(out, lambda: missions_html(part(r, "mission", [pick.value]), pick.value))

    pick.observe(redraw, names="value")
    redraw()
    intro = html_widget(
        "kit-head",
        panel(
            header(
                r,
                "missions",
                _(
                    "Peacekeeping operations and political missions the "
                    "report names, by acronym or by full name. Choose one, in the list "
                    "or on the map, to read every sentence that names it and who was "
                    "speaking."
                ),
            )
        ),
    )
    app = make_app_class()(f"Missions app: {r.report_id}, {len(options)} missions", [intro, pick, status, out])
    app.add_class("kit-app")
    return app
