"""Build the course's in-browser copy into the learner book: `python -m coursekit.publish.lite` (`make lite`).

The copy is a JupyterLite site (`_build/html/lite/`): JupyterLab and the Pyodide kernel running Python in the
learner's browser, with the lesson notebooks and the course wheel, so a lesson runs live from the book's own
address with nothing to install and no server. Every piece is pinned and shipped inside the site; nothing is
fetched from elsewhere at run time:

- the Pyodide runtime from npm (`lite/package.json`, `lite/package-lock.json`, installed by `make lite`);
- the wheels for the browser, downloaded from PyPI for Pyodide's platform at the versions in requirements.txt:
  the course's own dependencies (its `Requires-Dist`) and what the kernel needs, with their dependencies;
- a `pyodide-lock.json` listing exactly those wheels (the npm package's lock describes Pyodide's own builds,
  whose hashes differ), the course wheel included, so the kernel loads the course from the site at start-up;
- JupyterLite and its kernel from requirements.txt (jupyterlite-core, jupyterlite-pyodide-kernel).

The wheels carry their bytecode, compiled at build time by the browser's own Python (`lite/precompile.mjs`), so
the kernel imports the course without compiling its source first.

The kernel's drive (the notebook's folder as the kernel's working directory) is left out: it needs either
cross-origin isolation, which a plain static host such as GitHub Pages does not give, or JupyterLite's service
worker, which was seen stalling a kernel's start-up. The lessons read nothing from their folder.

The build is skipped when none of its inputs changed since the last one (a no-op `make book` stays fast).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from email.parser import Parser
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path.cwd()
OUTPUT = Path("_build/html/lite")
WHEELS = Path("_build/wheel")
CACHE = Path("_build/lite-wheels")
PYODIDE = Path("lite/node_modules/pyodide")
STAMP = ".coursekit-inputs"
PLATFORM = "pyemscripten_2026_0_wasm32"
# Pyodide 314's Python, as environment markers see it in the browser.
BROWSER = {
    "implementation_name": "cpython", "implementation_version": "3.14.2", "os_name": "posix",
    "platform_machine": "wasm32", "platform_python_implementation": "CPython", "platform_release": "5.0.3",
    "platform_system": "Emscripten", "platform_version": "#1", "python_full_version": "3.14.2",
    "python_version": "3.14", "sys_platform": "emscripten", "extra": "",
}
# What the kernel needs besides its own wheels (which come inside jupyterlite-pyodide-kernel).
KERNEL = ("micropip", "packaging", "ipython", "jedi", "comm")
KERNEL_WHEELS = ("piplite-", "pyodide_kernel-", "ipykernel-", "widgetsnbextension-4.")
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "package.json")
# Loaded together when the kernel starts, so the first cell finds the course and its dependencies ready.
PRELOAD = ("micropip", "piplite", "ipykernel", "pyodide-kernel", "comm", "ipython", "jedi", "coursekit")
# Shipped with their bytecode (`lite/precompile.mjs`) unless listed here: jedi is only read to complete code.
NOT_PRECOMPILED = ("jedi", "parso")
PRECOMPILER = ("lite/precompile.mjs", "lite/precompile.py")
# Only JupyterLab; the drive's service worker left out (see the module's docstring).
APPS = ("lab",)
DISABLED = ("@jupyterlite/application-extension:service-worker-manager",)
# JupyterLab's defaults changed for the course: every cell of a lesson drawn, not only those in view (a lesson
# is short; find-in-page and screen readers then see all of it).
SETTINGS = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}


def course_wheel() -> Path:
    wheels = sorted(WHEELS.glob("coursekit-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"{WHEELS}: expected one course wheel, found {len(wheels)}: run `make book`")
    return wheels[0]


def kernel_wheel_folder() -> Path:
    """The wheels jupyterlite-pyodide-kernel ships for the browser (piplite, the kernel, ipykernel's stand-in)."""
    share = Path(sys.prefix) / "share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension/static/pypi"
    if not share.is_dir():
        sys.exit(f"{share}: missing; install requirements.txt (jupyterlite-pyodide-kernel)")
    return share


def pins() -> dict[str, str]:
    """Exact versions from requirements.txt, by normalized name (markers ignored: the browser is not this Python)."""
    found = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].split(";", 1)[0].strip()
        if "==" in requirement:
            name, _, pinned = requirement.partition("==")
            found[canonicalize_name(name)] = pinned.strip()
    return found


def wheel_metadata(path: Path):
    """(name, version, import names, dependencies in the browser) of a wheel."""
    name, wheel_version, _, _ = parse_wheel_filename(path.name)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
        top_level = meta_name.replace("METADATA", "top_level.txt")
        if top_level in names:
            imports = [line.strip() for line in archive.read(top_level).decode().splitlines() if line.strip()]
        else:
            imports = sorted({n.split("/")[0].removesuffix(".py") for n in names
                              if not n.split("/")[0].endswith((".dist-info", ".data"))
                              and (n.endswith(".py") or "/" in n)})
    imports = [module for module in imports if not module.startswith("_")]
    depends = []
    for raw in meta.get_all("Requires-Dist") or []:
        requirement = Requirement(raw)
        if requirement.marker is None or requirement.marker.evaluate(BROWSER):
            depends.append(canonicalize_name(requirement.name))
    return canonicalize_name(name), str(wheel_version), meta["Name"], imports, depends


def runtime_requirements(wheel: Path) -> list[str]:
    """The course's own run-time dependencies, from its wheel."""
    return wheel_metadata(wheel)[4]


def download(roots: list[str], have: set[str], pinned: dict[str, str]) -> Path:
    """The browser wheels of `roots` and of their dependencies in the browser (but those in `have`), at the pinned
    versions, one level at a time (pip's resolver would read the markers for this machine), with their bytecode;
    kept in CACHE, so a rebuild compiles only the course's and the kernel's own wheels."""
    compiler = [(ROOT / name).read_text(encoding="utf-8") for name in PRECOMPILER]
    key = hashlib.sha256(json.dumps([roots, sorted(have), pinned, compiler], sort_keys=True).encode()).hexdigest()[:16]
    folder = CACHE / key
    if folder.is_dir():
        return folder
    shutil.rmtree(CACHE, ignore_errors=True)
    partial = CACHE / f"{key}.partial"
    partial.mkdir(parents=True)
    wanted, seen = set(roots) - have, set(have)
    while wanted:
        missing = sorted(name for name in wanted if name not in pinned)
        if missing:
            sys.exit(f"requirements.txt: no exact pin for {', '.join(missing)} (needed in the browser)")
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
             "--only-binary=:all:", "--platform", PLATFORM, "--python-version", BROWSER["python_version"],
             "--implementation", "cp", "--abi", "cp314", "-d", str(partial),
             *(f"{name}=={pinned[name]}" for name in sorted(wanted))],
            capture_output=True, text=True,
        )
        if done.returncode != 0:
            sys.exit(f"lite: pip could not download the browser wheels: {done.stderr.strip().splitlines()[-1]}")
        seen |= wanted
        depends = {dep for wheel in partial.glob("*.whl") for dep in wheel_metadata(wheel)[4]}
        wanted = depends - seen
    precompile(partial, [wheel.name for wheel in sorted(partial.glob("*.whl"))
                         if canonicalize_name(parse_wheel_filename(wheel.name)[0]) not in NOT_PRECOMPILED])
    partial.rename(folder)
    return folder


def pyodide_folder(out: Path, wheels: list[Path], roots: list[str]) -> list[str]:
    """Write the runtime, the wheels `roots` need and their lock into `out`; return the packages shipped."""
    out.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE / name, out / name)
    found: dict[str, tuple[Path, tuple]] = {}
    for wheel in wheels:  # the first wheel of a name wins: the kernel's stand-ins come first
        info = wheel_metadata(wheel)
        found.setdefault(info[0], (wheel, info))
    needed, queue = set(), [canonicalize_name(root) for root in roots]
    while queue:
        name = queue.pop()
        if name in needed:
            continue
        if name not in found:
            sys.exit(f"lite: no browser wheel for {name}")
        needed.add(name)
        queue.extend(found[name][1][4])
    for name in needed:
        shutil.copy2(found[name][0], out / found[name][0].name)
    precompile(out, [found[name][0].name for name in sorted(needed - set(NOT_PRECOMPILED))])
    packages = {}
    for name in sorted(needed):
        wheel, (_, wheel_version, real_name, imports, depends) = found[name]
        wheel = out / wheel.name
        packages[name] = {
            "name": real_name, "version": wheel_version, "file_name": wheel.name, "install_dir": "site",
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(), "package_type": "package",
            "imports": imports, "depends": sorted(depends), "unvendored_tests": False,
        }
    info = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    (out / "pyodide-lock.json").write_text(json.dumps({"info": info, "packages": packages}, indent=1) + "\n")
    return sorted(needed)


def precompile(folder: Path, wheels: list[str]) -> None:
    """Add the browser Python's bytecode to `wheels` in `folder` (but those that have it), so the kernel imports them
    without compiling."""
    done = subprocess.run(["node", str(ROOT / "lite/precompile.mjs"), str(folder.resolve()), *wheels],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"lite: could not precompile the browser wheels:\n{done.stderr[-2000:]}")


def lite_settings() -> dict:
    """jupyter-lite.json: the kernel loads everything from the site, preloads the course, never falls back to PyPI."""
    kernel = {
        "pyodideUrl": "./static/pyodide/pyodide.mjs",
        "disablePyPIFallback": True,
        "loadPyodideOptions": {"packages": list(PRELOAD)},
    }
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Poor circulation and back pain",
            "disabledExtensions": list(DISABLED),
            "litePluginSettings": {"@jupyterlite/pyodide-kernel-extension:kernel": kernel},
        },
    }


def inputs_digest(wheel: Path, notebooks: list[Path]) -> str:
    """One hash of everything the site is made from."""
    digest = hashlib.sha256()
    made_by = [Path(__file__), *(ROOT / name for name in PRECOMPILER)]
    for path in [ROOT / "requirements.txt", ROOT / "lite/package-lock.json", *made_by, wheel, *notebooks]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(version("jupyterlite-core").encode())
    return digest.hexdigest()


def build(output: Path = OUTPUT) -> bool:
    """Build the site into `output` unless its inputs are unchanged; return whether it was built."""
    wheel = course_wheel()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    digest = inputs_digest(wheel, notebooks)
    if (output / STAMP).is_file() and (output / STAMP).read_text() == digest:
        return False
    if not (PYODIDE / "pyodide.asm.wasm").is_file():
        sys.exit(f"{PYODIDE}: missing; run `make lite` (it installs lite/package.json)")
    kernel = kernel_wheel_folder()
    wheels = [w for prefix in KERNEL_WHEELS for w in sorted(kernel.glob(f"{prefix}*.whl"))] + [wheel]
    roots = [*runtime_requirements(wheel), *KERNEL]
    have = {wheel_metadata(w)[0] for w in wheels}
    wheels += sorted(download(sorted(set(roots)), have, pins()).glob("*.whl"))
    with tempfile.TemporaryDirectory(dir=output.parent.parent) as scratch:
        source, site = Path(scratch) / "source", Path(scratch) / "site"
        (source / "files").mkdir(parents=True)
        for notebook in notebooks:
            shutil.copy2(notebook, source / "files" / notebook.name)
        shipped = pyodide_folder(source / "static" / "pyodide", wheels, [*roots, *PRELOAD])
        (source / "jupyter-lite.json").write_text(json.dumps(lite_settings(), indent=1))
        (source / "overrides.json").write_text(json.dumps(SETTINGS, indent=1))
        config = {"LiteBuildConfig": {"apps": list(APPS), "contents": ["files"], "no_sourcemaps": True,
                                      "no_unused_shared_packages": True, "output_dir": str(site.resolve())}}
        (source / "jupyter_lite_config.json").write_text(json.dumps(config, indent=1))
        done = subprocess.run([sys.executable, "-m", "jupyterlite_core", "build"], cwd=source,
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"lite: jupyter lite build failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        (site / STAMP).write_text(digest)
        shutil.rmtree(output, ignore_errors=True)
        shutil.move(site, output)
    print(f"lite: {output}/ ({len(notebooks)} notebooks, {len(shipped)} Python packages, "
          f"{sum(f.stat().st_size for f in output.rglob('*') if f.is_file()) // 2**20} MB)")
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the in-browser (JupyterLite) copy of the course into the book.")
    parser.add_argument("--out", type=Path, default=OUTPUT, help=f"the site's folder (default: {OUTPUT})")
    started = time.monotonic()
    built = build(parser.parse_args().out)
    if built:
        print(f"lite: built in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
