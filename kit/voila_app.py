"""The kit's Voilà: Voilà itself, with the kit's landing page at ``/`` and nothing but the apps served.

``kit serve`` runs ``python -m kit.voila_app <folder>``: the real Voilà application (same options, same
``voila.json``), with three changes made where Voilà builds its URL table:

- ``/`` is the kit's landing page (the apps of :data:`kit.views.registry.APPS`, one line each), not
  Voilà's file tree; the tree (``/voila/tree``) and the contents API (``/voila/api/contents``) are gone,
  so no file name under the served folder is listed;
- ``/voila/render/`` renders only notebooks directly in the served folder (the apps): a sub-folder such as
  ``workshop/`` or ``workshop/solutions/`` answers 404, and ``/voila/files/`` serves nothing
  (``file_allowlist`` is empty in ``voila.json``);
- a room-wide kernel limit (:class:`RoomKernelManager`, ``max_kernels``): one client cannot open kernels
  until the laptop runs out of memory; past the limit a page says the room is full.

It also drops Voilà's per-page-view "Notebook ... is not trusted" warning, which would scroll the room's
URL and QR code off the trainer's screen (the apps are the kit's own notebooks, rendered without their
sources).

The landing page speaks the language of the kit's catalogue (:mod:`kit.i18n`) chosen by :func:`page_language`:
the address's ``?lang=``, else the room's ``$KIT_LANG`` (``kit serve --lang``), else the browser's
``Accept-Language``, else English. Its links to the apps carry ``?lang=``, because Voilà does not pass the
browser's language to an app's kernel.

Examples
--------
>>> html = landing_page([("The apps", "", [("Overview", "voila/render/overview.ipynb", "At a glance")])])
>>> '<a href="voila/render/overview.ipynb">Overview</a>' in html
True
>>> page_language(None, "fr-CH, fr;q=0.9, en;q=0.8", room=""), page_language("en", "fr", room="fr")
('fr', 'en')
>>> 'href="voila/render/overview.ipynb?lang=fr"' in apps_landing_page(lang="fr")
True
>>> "<script" in landing_page([("<script>x</script>", "", [])])
False
"""

from __future__ import annotations

import logging
import os
import sys
from functools import lru_cache
from pathlib import Path

import jinja2
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Integer
from voila.app import Voila
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from .paths import VOILA_TEMPLATE_DIR, asset

__all__ = [
    "KitVoila",
    "RoomKernelManager",
    "landing_page",
    "apps_landing_page",
    "page_language",
    "TEMPLATE_DIR",
    "main",
]

#: The kit's Voilà template folder (also holds the landing page template).
TEMPLATE_DIR = VOILA_TEMPLATE_DIR

_NOISE = ("is not trusted",)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True)


def _language_names() -> tuple[tuple[str, str], ...]:
    """The languages the landing page offers, each named in its own language (:func:`kit.i18n.language_names`)."""
    from .i18n import language_names

    return language_names()


def page_language(asked: str | None, accept: str | None = None, room: str | None = None) -> str:
    """The landing page's language: ``asked`` (``?lang=``), else the room's ``$KIT_LANG`` (``room``; read from
    the environment when None), else the first language of the browser's ``Accept-Language`` header that the
    kit speaks, else English."""
    from .i18n import LANGUAGES, normalize, preferred_language

    if asked and asked.strip():
        return normalize(asked)
    room = os.environ.get("KIT_LANG", "") if room is None else room
    if room.strip():
        return normalize(room)
    return preferred_language(accept) or LANGUAGES[0]


def landing_page(
    sections: list[tuple[str, str, list[tuple[str, str, str]]]],
    title: str | None = None,
    subtitle: str | None = None,
    lang: str = "en",
    switch: bool = False,
) -> str:
    """The landing page's HTML: ``sections`` of ``(heading, intro, [(title, href, summary), ...])``, in ``lang``
    (with ``switch``, links to the page in the other languages).

    Every value is escaped (an autoescaping Jinja2 template); the page loads nothing from elsewhere.
    """
    from .i18n import translator

    _ = translator(lang).gettext
    title = _("Peacekeeping Briefing Kit") if title is None else title
    subtitle = (
        _("Open an app: it runs on this laptop, nothing is sent to the internet.") if subtitle is None else subtitle
    )
    css = asset("apps.css").read_text(encoding="utf-8")
    rows = [
        {"heading": h, "intro": intro, "links": [{"title": t, "href": href, "summary": s} for t, href, s in links]}
        for h, intro, links in sections
    ]
    languages = (
        [{"code": code, "name": name, "href": f"?lang={code}"} for code, name in _language_names()] if switch else []
    )
    return (
        _environment()
        .get_template("landing.html.j2")
        .render(
            title=title,
            subtitle=subtitle,
            sections=rows,
            css=jinja2.filters.Markup(css),
            lang=lang,
            languages=languages,
            language_label=_("Language:"),
        )
    )


def apps_landing_page(prefix: str = "voila/render/", extra: list | None = None, lang: str = "en") -> str:
    """The landing page listing every app of the registry, each linked at ``prefix + notebook`` in ``lang``."""
    from .i18n import translator
    from .views.registry import APPS

    _ = translator(lang).gettext
    links = [(_(app.title), f"{prefix}{app.notebook}?lang={lang}", _(app.summary)) for app in APPS]
    return landing_page([(_("The apps"), "", links), *(extra or [])], lang=lang, switch=True)


class LandingHandler(web.RequestHandler):
    """``/``: the kit's landing page, in the language of :func:`page_language` (``?lang=``, the room's
    ``$KIT_LANG``, the browser's ``Accept-Language``); nothing else of the request is read."""

    def get(self) -> None:
        lang = page_language(self.get_query_argument("lang", None), self.request.headers.get("Accept-Language"))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")
        self.set_header("Vary", "Accept-Language")
        self.write(_landing(lang))


@lru_cache(maxsize=4)
def _landing(lang: str) -> str:
    return apps_landing_page(lang=lang)


class AppHandler(TornadoVoilaHandler):
    """``/voila/render/<app>.ipynb``: only notebooks directly in the served folder; 404 for anything else."""

    async def prepare(self):
        path = (self.path_args[0] if self.path_args else "") or ""
        root = Path(self.settings["kit_root"])
        if "/" in path or "\\" in path or not path.endswith(".ipynb") or not (root / path).is_file():
            raise web.HTTPError(404)
        result = super().prepare()
        if result is not None:
            await result

    def write_error(self, status_code: int, **kwargs) -> None:
        from .i18n import translator

        lang = page_language(self.get_query_argument("lang", None), self.request.headers.get("Accept-Language"))
        _ = translator(lang).gettext
        message = {
            404: _("There is no such app here. Go back to the list of apps."),
            503: _(
                "The room is full: every app slot of this laptop is in use. Close an app tab you no "
                "longer need, or try again in a few minutes."
            ),
        }.get(status_code, _("Something went wrong."))
        self.finish(
            landing_page(
                [(message, "", [(_("The apps"), f"{self.base_url}?lang={lang}", "")])],
                title="{} ({})".format(_("Peacekeeping Briefing Kit"), status_code),
                subtitle="",
                lang=lang,
            )
        )


class RoomKernelManager(AsyncMappingKernelManager):
    """Voilà's kernel manager with a limit on the kernels running at once, for the whole room.

    Each open app is one kernel (about 55-150 MB, see ``docs/deployment.md``). Past ``max_kernels`` a new
    page answers 503 ("the room is full") instead of starting a kernel, so a client opening pages in a loop
    cannot exhaust the laptop's memory; idle kernels are culled (``cull_idle_timeout`` in ``voila.json``).
    """

    max_kernels = Integer(60, config=True, help="Most kernels running at once (0: no limit).")

    async def start_kernel(self, **kwargs):
        if self.max_kernels and len(self.list_kernel_ids()) >= self.max_kernels:
            self.log.warning("room full: %d kernels running (RoomKernelManager.max_kernels)", self.max_kernels)
            raise web.HTTPError(503, "the room is full")
        return await super().start_kernel(**kwargs)


class _DropNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not any(text in record.getMessage() for text in _NOISE)


class KitVoila(Voila):
    """Voilà with the kit's landing page at ``/``, only the apps rendered, and the kernel limit."""

    def init_settings(self):
        self.log.addFilter(_DropNoise())
        settings = super().init_settings()
        settings["kit_root"] = self.root_dir
        return settings

    def init_handlers(self):
        handlers = []
        for handler in super().init_handlers():
            cls = handler[1]
            if cls in (TornadoVoilaTreeHandler, VoilaContentsHandler):
                continue  # no file tree, no contents listing
            if cls is TornadoVoilaHandler:
                handler = (handler[0], AppHandler, *handler[2:])
            handlers.append(handler)
        return [(self.server_url, LandingHandler), *handlers]


def main(argv: list[str] | None = None) -> None:
    """``python -m kit.voila_app [voila options] folder``."""
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    KitVoila.launch_instance(argv=sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":  # pragma: no cover
    main()
