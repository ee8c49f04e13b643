"""The publishing workflow: CI's own script (.ci/run: make test) first, with a pip cache and time limits, then
the learner edition to GitHub Pages, the instructor edition kept as an artifact, every action pinned by
commit SHA; and the offline checks `make test` runs on it work."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"
BIN = Path(sys.executable).parent


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_every_action_is_pinned_by_a_full_commit_sha_with_its_tag_beside_it():
    uses = re.findall(r"uses: (\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)


def test_tests_run_first_then_only_the_learner_edition_is_deployed():
    jobs = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    test_steps = _steps(jobs["test"])
    runs = [step["run"] for step in test_steps if "run" in step]
    assert runs == [".ci/run"]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert script[-1] == "make test" and script[0].startswith("#!")
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run is not executable"
    by_action = {step["uses"].split("@")[0]: step for step in test_steps if "uses" in step}
    assert by_action["actions/upload-pages-artifact"]["with"]["path"] == "_build/html"
    assert by_action["actions/upload-artifact"]["with"]["path"] == "_build/instructor/html"
    order = [step.get("run") or step["uses"].split("@")[0] for step in test_steps]
    assert order.index(".ci/run") < order.index("actions/upload-pages-artifact")
    assert jobs["deploy"]["needs"] == "test"
    assert [step["uses"].split("@")[0] for step in _steps(jobs["deploy"])] == ["actions/deploy-pages"]


def test_pip_downloads_are_cached_by_the_pins_and_every_job_has_a_time_limit():
    jobs = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    python = next(step for step in _steps(jobs["test"]) if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements.txt"
    limits = {name: job.get("timeout-minutes") for name, job in jobs.items()}
    assert all(limit and 0 < limit <= 60 for limit in limits.values()), limits


def test_the_offline_checks_reject_a_bad_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\n"
        "jobs:\n  greet:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n",
        encoding="utf-8",
    )
    audit = subprocess.run([BIN / "zizmor", "--offline", bad], capture_output=True, text=True, timeout=120)
    assert audit.returncode != 0 and "template-injection" in audit.stdout + audit.stderr
    (tmp_path / "typo.yml").write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    stepz: []\n")
    schema = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", tmp_path / "typo.yml"],
        capture_output=True, text=True, timeout=120,
    )
    assert schema.returncode != 0, schema.stdout
