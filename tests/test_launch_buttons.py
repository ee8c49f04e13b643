"""Launch buttons stay hidden until `repository.url` is set, and appear once it is, on notebook files only."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from types import SimpleNamespace

from conftest import write_one_lesson_book
from coursekit.book.launch_buttons import HINT, hide_launch_buttons_without_repository


def config(repository_url: str) -> SimpleNamespace:
    buttons = {
        "notebook_interface": "jupyterlab",
        "binderhub_url": "https://mybinder.org",
        "colab_url": "https://colab.research.google.com",
    }
    return SimpleNamespace(html_theme_options={"repository_url": repository_url, "launch_buttons": buttons})


def test_no_repository_hides_the_buttons_and_says_how_to_show_them(capsys):
    settings = config("")
    hide_launch_buttons_without_repository(None, settings)
    assert capsys.readouterr().out == HINT + "\n"
    buttons = settings.html_theme_options["launch_buttons"]
    assert buttons["binderhub_url"] == buttons["colab_url"] == ""
    assert buttons["notebook_interface"] == "jupyterlab"


def test_a_repository_keeps_the_buttons():
    settings = config("https://github.com/owner/course")
    hide_launch_buttons_without_repository(None, settings)
    assert settings.html_theme_options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


BOOK_CONFIG = """\
title: Launch buttons
only_build_toc_files: true
execute:
  execute_notebooks: "off"
repository:
  url: https://github.com/owner/course
  branch: main
launch_buttons:
  notebook_interface: jupyterlab
  binderhub_url: https://mybinder.org
  colab_url: https://colab.research.google.com
  jupyterhub_url: https://hub.example.org
sphinx:
  extra_extensions: [coursekit.book.launch_buttons]
"""


# A Markdown page with a code cell: myst-nb runs it as a notebook, but it is no notebook file to launch.
HOME = """\
---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
  language: python
---
# Home

```{code-cell} python
1 + 1
```
"""


def test_with_a_repository_a_lesson_page_links_to_binder_colab_and_a_jupyterhub_and_a_markdown_page_not(tmp_path):
    write_one_lesson_book(tmp_path, BOOK_CONFIG, home=HOME)
    done = subprocess.run([sys.executable, "-m", "coursekit.publish.build"], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert HINT not in done.stdout
    page = (tmp_path / "_build" / "html" / "notebooks" / "lesson.html").read_text(encoding="utf-8")
    links = {html.unescape(link) for link in re.findall(r'href="(https://[^"]+)"', page)}
    assert "https://mybinder.org/v2/gh/owner/course/main?urlpath=lab/tree/notebooks/lesson.ipynb" in links
    assert "https://colab.research.google.com/github/owner/course/blob/main/notebooks/lesson.ipynb" in links
    assert (
        "https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A//github.com/owner/course"
        "&urlpath=lab/tree/course/notebooks/lesson.ipynb&branch=main"
    ) in links
    home = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "Launch interactive content" in page and "Launch interactive content" not in home
    assert "mybinder.org" not in home and "colab.research.google.com" not in home
