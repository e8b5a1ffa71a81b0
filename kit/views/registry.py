"""The apps, listed once: this registry feeds the navigation bar, ``kit serve``, the landing page, the tests
and the benchmarks.

Each app is a notebook directly under ``notebooks/`` (shipped in the wheel as ``kit/notebooks``) whose code
cell builds the app with :attr:`App.builder`. Adding an app is adding a row here and its notebook.

Examples
--------
>>> [app.name for app in APPS]
['overview', 'speakers', 'themes', 'missions', 'briefing_note']
>>> app_named("themes").notebook
'themes.ipynb'
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_

__all__ = ["App", "APPS", "app_named"]


@dataclass(frozen=True)
class App:
    """One app: its short ``name`` (notebook stem), the ``title`` in the navigation bar, a one-line
    ``summary`` for the landing page (written for the participant), and the ``builder``, the
    ``module:function`` its notebook calls. ``title`` and ``summary`` are in English, marked for the catalogue:
    show them with :func:`kit.i18n.gettext` in the page's language."""

    name: str
    title: str
    summary: str
    builder: str

    @property
    def notebook(self) -> str:
        return f"{self.name}.ipynb"

    def url(self, base: str = "") -> str:
        """The app's address under a Voilà server at ``base`` (e.g. ``http://10.0.0.5:8866``)."""
        return f"{base}/voila/render/{self.notebook}"


APPS: tuple[App, ...] = (
    App(
        "overview",
        N_("Overview"),
        N_("The report at a glance: meetings, who spoke most and the themes raised."),
        "kit.views.overview:overview_app",
    ),
    App(
        "speakers",
        N_("Speakers"),
        N_("Everything one delegation or briefer said, with the paragraph to cite."),
        "kit.views.speakers:speakers_app",
    ),
    App(
        "themes",
        N_("Themes"),
        N_("Which themes came up, where in the report, and who raised them; search the text."),
        "kit.views.themes:themes_app",
    ),
    App(
        "missions",
        N_("Missions"),
        N_("The peacekeeping missions the report names, on a map, with every mention."),
        "kit.views.missions:missions_app",
    ),
    App(
        "briefing_note",
        N_("Briefing note"),
        N_("Build a short, cited briefing note on a meeting, theme or delegation."),
        "kit.views.note_app:briefing_app",
    ),
)


def app_named(name: str) -> App:
    """The app called ``name``; ``KeyError`` naming the apps there are otherwise."""
    for app in APPS:
        if app.name == name:
            return app
    raise KeyError(f"no app called {name!r}; the apps are {', '.join(a.name for a in APPS)}")
