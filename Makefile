# The course's commands. `make book` and `make test` do all the set-up they need.
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
# The stamp is newer than requirements.txt and pyproject.toml once they are installed, so an
# unchanged checkout never reinstalls. pip installs only uv (its pin is in requirements.txt), which installs
# the rest: in seconds with its cache, about a minute without, where pip takes minutes.
STAMP  := $(VENV)/.installed
UV     := $(BIN)/uv pip install --quiet --compile-bytecode --python $(PY)
PORT   ?= 8000
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
WHEEL   := _build/wheel/coursekit-$(VERSION)-py3-none-any.whl
LITE_RUNTIME := lite/node_modules/pyodide/pyodide.asm.wasm

.PHONY: book instructor test serve lab clean check notebooks export bench pdf instructor-pdf workflows lite

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "$$(grep '^uv==' requirements.txt)"
	$(UV) -r requirements.txt
	$(UV) --no-deps --no-build-isolation -e .
	touch $@

check: $(STAMP)
	$(PY) -m coursekit check

# `check`, when the content or the engine changed since it last passed (so a build with nothing new skips it).
CHECKED := _build/.content-checked
$(CHECKED): $(STAMP) $(wildcard content/*.yml content/*/* src/coursekit/*.py src/coursekit/*/*.py)
	$(PY) -m coursekit check
	@mkdir -p $(@D) && touch $@

# The learner edition (no instructor pages) into _build/html; warnings are errors.
book: $(CHECKED) $(WHEEL) $(LITE_RUNTIME)
	$(PY) -m coursekit.publish.build learner
	$(PY) -m coursekit.publish.lite

# The course in the browser: a JupyterLite copy of the lessons, with Python (Pyodide) and the course wheel, into
# _build/html/lite (coursekit.publish.lite; skipped when nothing it is made from changed). The Pyodide runtime comes from npm.
lite: $(WHEEL) $(LITE_RUNTIME)
	$(PY) -m coursekit.publish.lite

$(LITE_RUNTIME): lite/package.json lite/package-lock.json
	npm ci --prefix lite --no-audit --no-fund --ignore-scripts
	touch $@

# The instructor edition (every page, the answer key included) into _build/instructor/html.
instructor: $(CHECKED) $(WHEEL)
	$(PY) -m coursekit.publish.build instructor

# scorm-again, the SCORM 1.2 runtime the SCORM package is tested against, and the SCORM 1.2 and IMS CP 1.1 schemas
# (installed when missing).
LMS_RUNTIME := tests/lms/node_modules/scorm-again/dist/scorm12.min.js
# ESLint, which checks the joined quiz scripts for undefined names (installed when missing).
QUIZ_LINT := tests/lint/node_modules/eslint/package.json

# The set-up steps run side by side (the npm installs while .venv is made, the two editions at once); then the
# tests, each file in one worker, the longest files first (tests/conftest.py names them).
test:
	$(MAKE) --no-print-directory -j4 book instructor workflows $(LMS_RUNTIME) $(QUIZ_LINT)
	$(BIN)/ruff check src tests notebooks/*.py lite/*.py
	$(PY) -m pytest -n auto --maxprocesses 4 --dist loadfile --no-loadscope-reorder

# The course as one wheel (engine, content, lesson helpers), which the book serves at its own address
# (coursekit.publish.build copies it there) so a notebook opened outside this repository can install it. It holds no
# instructor notes (coursekit.publish.learner_wheel takes them out). Rebuilt only when a file that goes into it changes.
$(WHEEL): $(STAMP) $(wildcard src/coursekit/*.py src/coursekit/*/*.py src/coursekit/quizzes/static/* src/coursekit/quizzes/static/*/* src/coursekit/quizzes/static/*/*/* src/coursekit/book/static/* content/*.yml content/*/* notebooks/*.py notebooks/images/*.svg)
	@rm -rf _build/wheel build
	@$(PY) -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation -w _build/wheel .
	@$(PY) -m coursekit.publish.learner_wheel $@
	@rm -rf build
	@echo "course wheel: $@ ($$(du -k $@ | cut -f1) KB)"

# The GitHub workflows against GitHub's workflow schema, and audited for security problems (both offline).
workflows: $(STAMP)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .github/workflows/

# Write the lessons' glossary terms and citations as links JupyterLab shows, from book/glossary.md and
# book/references.bib (coursekit.book.notebook_terms; the book reads them back as roles), then re-run every notebook in
# place so its saved outputs (what JupyterLab shows before running, and
# what nbval compares in `make test`) match the current engine and content. Widget state and cell
# timings are not saved: before a run JupyterLab shows each quiz's static HTML, and a re-run does
# not rewrite ~250 KB of random model ids and timestamps per notebook.
notebooks: $(STAMP)
	$(PY) -m coursekit.book.notebook_terms notebooks/*.ipynb
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=False \
		--ExecutePreprocessor.record_timing=False notebooks/*.ipynb

# Every quiz in every export format (Moodle GIFT, Canvas QTI, Anki, printable worksheets) and the
# course as LMS packages made from the learner book (Common Cartridge, SCORM 1.2), each run listing
# what its format could not carry.
export: book
	for format in gift qti anki worksheet cc scorm; do $(PY) -m coursekit export --format $$format --force --out _build/export/$$format || exit 1; done

$(LMS_RUNTIME): tests/lms/package.json tests/lms/package-lock.json
	npm ci --prefix tests/lms --no-audit --no-fund --ignore-scripts
	touch $@

$(QUIZ_LINT): tests/lint/package.json tests/lint/package-lock.json
	npm ci --prefix tests/lint --no-audit --no-fund --ignore-scripts
	touch $@

serve:
	@test -f _build/html/index.html || { echo "No book yet: run 'make book' first."; exit 1; }
	@echo "Serving the book on http://localhost:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

# JupyterLab on the first lesson, on PORT. As root (a container, a classroom server) it needs --allow-root.
# Its file browser hides, besides JupyterLab's defaults, the coursekit.egg-info the editable install
# leaves in notebooks/.
AS_ROOT := $(filter 0,$(shell id -u))
LAB_HIDDEN := '["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~", "*.egg-info"]'
lab: $(STAMP)
	@$(if $(AS_ROOT),echo "Running as root: JupyterLab starts with --allow-root.")
	$(BIN)/jupyter lab --port=$(PORT) $(if $(AS_ROOT),--allow-root) --ContentsManager.hide_globs=$(LAB_HIDDEN) \
		notebooks/01-causes.ipynb

# Measure the built book against a stock Jupyter Book (requests, bytes, Lighthouse, build times,
# two clean builds identical) into bench/report.md. Not a test; `BENCH_ARGS=--make-test` also times make test
# in a fresh clone (set-up included) and lists its ten slowest tests.
bench: check bench/node_modules/.bin/lighthouse
	$(PY) bench/bench.py $(BENCH_ARGS)

bench/node_modules/.bin/lighthouse: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

# The whole book as one PDF, pages in table-of-contents order, printed by Chromium: the learner
# edition, and the instructor edition with the instructor part and the answer key.
pdf: book
	$(PY) -m coursekit.publish.pdf _build/html _build/pdf/course.pdf

instructor-pdf: instructor
	$(PY) -m coursekit.publish.pdf _build/instructor/html _build/pdf/course-instructor.pdf

clean:
	rm -rf _build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
