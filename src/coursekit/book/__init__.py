"""The book's Sphinx extensions, each named in `_config.yml`: the two editions, notebook links, lesson cards and
"My progress", each page's scripts and styles, the search index, launch buttons, ARIA repairs, the book's
address, rebuilds, failing notebook cells and the build's closing report; and the lessons' glossary terms and
citations in the form JupyterLab shows (`notebook_terms`, styled by `static/notebook.css`)."""
