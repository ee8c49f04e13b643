# The course's commands. `make book` and `make test` do all the set-up they need.
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
# The stamp is newer than requirements.txt and pyproject.toml once they are installed, so an
# unchanged checkout never reinstalls.
STAMP  := $(VENV)/.installed
PORT   ?= 8000

.PHONY: book test serve lab clean check notebooks

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

check: $(STAMP)
	$(PY) -m coursekit check

book: check
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "The book is in _build/html: open _build/html/index.html, or run 'make serve'."

test: book
	$(BIN)/ruff check src tests
	$(PY) -m pytest

# Re-run every notebook in place so its saved outputs (what JupyterLab shows before running, and
# what nbval compares in `make test`) match the current engine and content.
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace notebooks/*.ipynb

serve:
	@test -f _build/html/index.html || { echo "No book yet: run 'make book' first."; exit 1; }
	@echo "Serving the book on http://localhost:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf _build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
