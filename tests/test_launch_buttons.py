"""Launch buttons stay hidden until `repository.url` is set, and appear once it is."""

from __future__ import annotations

from types import SimpleNamespace

from coursekit.launch_buttons import hide_launch_buttons_without_repository


def config(repository_url: str) -> SimpleNamespace:
    buttons = {
        "notebook_interface": "jupyterlab",
        "binderhub_url": "https://mybinder.org",
        "colab_url": "https://colab.research.google.com",
    }
    return SimpleNamespace(html_theme_options={"repository_url": repository_url, "launch_buttons": buttons})


def test_no_repository_hides_the_buttons():
    settings = config("")
    hide_launch_buttons_without_repository(None, settings)
    buttons = settings.html_theme_options["launch_buttons"]
    assert buttons["binderhub_url"] == buttons["colab_url"] == ""
    assert buttons["notebook_interface"] == "jupyterlab"


def test_a_repository_keeps_the_buttons():
    settings = config("https://github.com/owner/course")
    hide_launch_buttons_without_repository(None, settings)
    assert settings.html_theme_options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
