"""Views for the Voilà apps: the report as plain tables, HTML/SVG charts and the apps of
:mod:`kit.views.registry` (Overview, Speakers, Themes, Missions, Briefing note).

Nothing here parses: :func:`app_report` runs the pandas-free parser once per report and keeps the tables in a
``report.json`` cache (:mod:`kit.views.data`). The core never imports this package. ipywidgets is imported only
when an interactive app is built; pandas and plotly never, python-docx only for a Word download.

>>> from kit.views import app_report
>>> app_report().report_id
'wgpko-2021'
"""

from __future__ import annotations

from .data import ViewReport, app_report, cite, report_path

__all__ = [
    "ViewReport",
    "app_report",
    "cite",
    "report_path",
    "overview_app",
    "speakers_app",
    "themes_app",
    "missions_app",
    "briefing_app",
]


def __getattr__(name: str):
    if name in {"overview_app", "speakers_app", "themes_app", "missions_app"}:  # each in its module, loaded on use
        from importlib import import_module

        return getattr(import_module(f".{name.removesuffix('_app')}", __name__), name)
    if name == "HTMLApp":
        from .shell import HTMLApp

        return HTMLApp
    if name == "briefing_app":
        from .note_app import briefing_app

        return briefing_app
    raise AttributeError(f"module 'kit.views' has no attribute {name!r}")
