"""A course just installed into an open notebook: its widgets show as text until the page is reloaded.

JupyterLab and Notebook 7 load widget front ends (anywidget's among them) when the page loads. When a
lesson's first cell installs the course, and anywidget with it, the open page cannot draw the course's
widgets: each would show a JavaScript error. Until the page is reloaded, they show their static HTML
instead. A reloaded page talks to the kernel in a new client session, which is how the kernel knows.
"""

from __future__ import annotations

NOTE = (
    "The course is installed. Its quizzes show as text until you reload this page (F5) and run all cells again."
)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

_installed_in: list[str | None] = []  # the client session of the page that installed the course


def _client_session() -> str | None:
    """The session id of the page (or other client) whose request the kernel is running, if any."""
    try:
        from IPython import get_ipython

        return get_ipython().kernel.get_parent()["header"]["session"]
    except (AttributeError, ImportError, KeyError, TypeError):
        return None


def installed_into_open_page() -> None:
    """Called by a lesson's first cell after it installed the course and anywidget: say to reload, in one line."""
    _installed_in[:] = [_client_session()]
    print(NOTE)


def page_can_show_widgets() -> bool:
    """False while the page that installed the course is still the one asking."""
    return not _installed_in or _client_session() != _installed_in[0]


def for_this_page(bundle: dict) -> dict:
    """A widget's display bundle, without the live view if this page cannot draw it yet."""
    if not page_can_show_widgets():
        bundle.pop(WIDGET_VIEW, None)
    return bundle
