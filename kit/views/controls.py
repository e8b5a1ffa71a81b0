"""The widgets of the apps, and their clean error path: ipywidgets is imported only when an interactive app is
built (:func:`widgets`), a control refuses a bad state sent from a browser with a message instead of a traceback
(:func:`safe_widget`, :func:`control`), a redraw's error is a message (:func:`guard`), and in a Voilà kernel any
other error reaching IPython is one plain sentence (:func:`quiet_tracebacks`).

The apps use these through :mod:`kit.views.shell`, the one shell every app is built in.

Examples
--------
>>> str(message("3 speakers found."))
'<p class="kit-note" role="status">3 speakers found.</p>'
>>> str(message(""))
''
"""

from __future__ import annotations

import os
from collections.abc import Callable

from markupsafe import Markup

from .html import _, panel

__all__ = [
    "widgets",
    "make_app_class",
    "safe_widget",
    "quiet_tracebacks",
    "control",
    "message",
    "html_widget",
    "guard",
    "failure",
    "for_the_trainer",
]


def widgets():
    import ipywidgets as w

    return w


_CLASSES: dict = {}


def make_app_class():
    if "KitApp" not in _CLASSES:
        w = widgets()

        class KitApp(w.VBox):
            """A VBox with a short, stable text representation (for notebooks and nbval)."""

            def __init__(self, summary: str, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._summary = summary

            def __repr__(self) -> str:
                return self._summary

        _CLASSES["KitApp"] = KitApp
    return _CLASSES["KitApp"]


def safe_widget(kind: str):
    """The widget class ``kind`` (e.g. ``"Dropdown"``) that refuses a bad state sent from a browser cleanly.

    A comm message with an impossible value (a Dropdown index of 99999) raises inside ``set_state``;
    ipywidgets would then show the traceback, with server paths, in the browser. Instead the widget
    sends its last valid state back and calls its ``on_bad_state`` callbacks with a short message for
    the participant (the apps show it in their status line).
    """
    if kind not in _CLASSES:
        base = getattr(widgets(), kind)

        def set_state(self, sync_data):
            try:
                base.set_state(self, sync_data)
            except Exception:  # noqa: BLE001 - a bad state from the browser is refused, not raised
                try:
                    self.send_state()
                except Exception:  # noqa: BLE001 - the browser is gone too: nothing left to tell it
                    pass
                for cb in getattr(self, "_bad_state_callbacks", []):
                    cb(_("That choice could not be used, so the page keeps the last valid one."))

        def on_bad_state(self, callback: Callable[[str], None]) -> None:
            self._bad_state_callbacks = [*getattr(self, "_bad_state_callbacks", []), callback]

        _CLASSES[kind] = type(
            f"Kit{kind}", (base,), {"set_state": set_state, "on_bad_state": on_bad_state, "__module__": __name__}
        )
    return _CLASSES[kind]


def quiet_tracebacks() -> None:
    """In a Voilà kernel, an error that still reaches IPython's traceback display (a bad message to any other
    widget) goes to the browser as one plain sentence: no traceback, no server paths.

    Voilà's ``show_tracebacks: false`` covers only the notebook's own cells, not widget messages. Only app
    kernels started by Voilà (``SERVER_SOFTWARE=voila/...``) are changed; a workshop notebook keeps its
    tracebacks.
    """
    if not str(os.environ.get("SERVER_SOFTWARE", "")).startswith("voila/"):
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    ip = get_ipython()
    if ip is None or getattr(ip, "_kit_quiet_tracebacks", False) or not hasattr(ip, "_showtraceback"):
        return
    show = ip._showtraceback
    plain = _("The app could not use that request; the page keeps working.")

    def _showtraceback(etype, evalue, stb):
        show(Exception, plain, [plain])  # the class name and message could name server details too

    ip._showtraceback = _showtraceback
    ip._kit_quiet_tracebacks = True


def control(kind: str, cls: str, status, **kwargs):
    """A widget that fills the width up to ``max_width`` (phones), with a CSS class and a clean error path."""
    w = widgets()
    quiet_tracebacks()
    layout = w.Layout(width="100%", max_width=kwargs.pop("max_width", "640px"))
    widget = safe_widget(kind)(layout=layout, style={"description_width": "initial"}, **kwargs)
    widget.add_class(cls)
    widget.on_bad_state(lambda text: setattr(status, "value", message(text, alert=True)))
    return widget


def message(text: str, alert: bool = False) -> Markup:
    if not text:
        return Markup("")
    role = "alert" if alert else "status"
    return Markup('<p class="kit-note" role="{}">{}</p>').format(role, text)


def html_widget(cls: str, value: str = ""):
    h = widgets().HTML(value=str(value))
    h.add_class(cls)
    return h


def guard(out, fn: Callable[[], str]) -> None:
    """Redraw ``out`` with ``fn()``; an unexpected error shows as a message (:func:`failure`), not a traceback."""
    try:
        out.value = str(fn())
    except Exception as exc:  # noqa: BLE001 - shown to the user instead of a traceback
        out.value = str(failure(exc))


def failure(exc: BaseException) -> Markup:
    """What a participant reads when a part of an app fails: what happened and what to do, in their language;
    the error itself folded away, for the trainer.

    >>> page = str(failure(KeyError("MEX")))
    >>> "Something went wrong here" in page and "<details>" in page and "KeyError: &#39;MEX&#39;" in page
    True
    """
    return panel(
        Markup('<div class="error" role="alert"><h2>{}</h2><p>{}</p>{}</div>').format(
            _("Something went wrong here"),
            _("The page could not show this choice. Try another one; if it happens again, tell your trainer."),
            for_the_trainer(exc),
        )
    )


def for_the_trainer(exc: BaseException) -> Markup:
    """An error's class and text, folded under "Details for the trainer" (escaped: it may quote report text).

    >>> str(for_the_trainer(ValueError("<x>")))
    '<details><summary>Details for the trainer</summary><p><code>ValueError: &lt;x&gt;</code></p></details>'
    """
    return Markup("<details><summary>{}</summary><p><code>{}: {}</code></p></details>").format(
        _("Details for the trainer"), type(exc).__name__, exc
    )
