"""The engine's folders are floors (README, "Layout"): a module imports from its own folder or from a folder
below it, never from one above, so no import circle can form between folders."""

from __future__ import annotations

import ast

from conftest import ROOT

ENGINE = ROOT / "src" / "coursekit"
# From the ground up; the ground floor is the engine's own top-level modules, and the package's face
# (__init__.py, what a notebook calls; __main__.py, the command line) stands on top of every floor.
FLOORS = ["ground", "qtypes", "course", "quizzes", "export", "book", "publish", "face"]


def room(module: str) -> str:
    """The folder (floor) of a dotted engine module name, e.g. `coursekit.course.faq` -> `course`."""
    parts = module.split(".")[1:]
    if not parts or parts[0] in {"__init__", "__main__"}:
        return "face"
    return parts[0] if (ENGINE / parts[0]).is_dir() else "ground"


def engine_imports() -> list[tuple[str, int, str, str]]:
    """(file, line, its module, imported module) for every import of an engine module, type-checking ones included."""
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        module = ".".join(path.relative_to(ENGINE.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("coursekit"):
                names = [node.module] if node.module != "coursekit" else [f"coursekit.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names if alias.name.startswith("coursekit")]
            else:
                continue
            found += [(path.relative_to(ROOT).as_posix(), node.lineno, module, name) for name in names]
    return found


def test_every_folder_is_a_floor_in_the_readme_and_only_the_floors_are_folders():
    folders = {path.name for path in ENGINE.iterdir() if (path / "__init__.py").is_file()}
    assert folders == set(FLOORS) - {"ground", "face"}
    layout = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"  {folder}/ " in layout for folder in folders), "the README's layout names every engine folder"


def test_no_module_imports_from_a_floor_above_its_own():
    imports = engine_imports()
    assert len(imports) > 100, "the engine's imports were not found"
    upward = [
        f"{file}:{line}: imports {name}, on the floor {room(name)} above its own, {room(module)}"
        for file, line, module, name in imports
        if FLOORS.index(room(name)) > FLOORS.index(room(module))
    ]
    assert upward == []
