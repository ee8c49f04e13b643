"""Sphinx extension: show Binder / Colab / JupyterHub launch buttons only once `repository.url` is set.

The launch URLs live in `_config.yml`. Without a repository URL sphinx-book-theme cannot build
launch links (it fails on notebook pages), and jupyter-book's default URL is its own repository,
so the course sets `repository.url: ""` and this extension switches the buttons off until it is filled in,
saying so in one line (printed, so a quiet build shows it too).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

PROVIDERS = ("binderhub_url", "colab_url", "jupyterhub_url", "deepnote_url")
HINT = "launch buttons off: set repository.url in _config.yml (and launch_buttons.jupyterhub_url for a JupyterHub)"


def hide_launch_buttons_without_repository(app: Sphinx, config: Config) -> None:
    options = config.html_theme_options
    buttons = options.get("launch_buttons") or {}
    if options.get("repository_url") or not any(buttons.get(key) for key in PROVIDERS):
        return
    for key in PROVIDERS:
        buttons[key] = ""
    print(HINT, flush=True)


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", hide_launch_buttons_without_repository)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
