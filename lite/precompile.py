"""Run inside Pyodide by precompile.mjs: add to each of `wheels` (names in /wheels) the bytecode of its modules, as
the browser's Python writes it, in unchecked-hash form (used without reading the source again), named for the folder
the kernel installs wheels into so tracebacks still show the source."""

import compileall
import py_compile
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

SITE = f"/lib/python{sys.version_info.major}.{sys.version_info.minor}/site-packages"


def precompile(wheel: Path) -> None:
    """Add the bytecode to `wheel`, unless it carries some already (a wheel from the build's cache)."""
    with tempfile.TemporaryDirectory() as scratch:
        with zipfile.ZipFile(wheel) as archive:
            if any(name.endswith(".pyc") for name in archive.namelist()):
                return
            archive.extractall(scratch)
            entries = [(info, archive.read(info)) for info in archive.infolist()]
        compileall.compile_dir(scratch, ddir=SITE, quiet=2,
                               invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        compiled = sorted(path.relative_to(scratch).as_posix() for path in Path(scratch).rglob("*.pyc"))
        with zipfile.ZipFile(str(wheel) + ".new", "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in entries:
                if info.filename.endswith(".dist-info/RECORD"):
                    data += "".join(f"{name},,\n" for name in compiled).encode()
                    record = (info, data)
                    continue
                out.writestr(info, data)
            for name in compiled:
                info = zipfile.ZipInfo(name, record[0].date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(info, (Path(scratch) / name).read_bytes())
            out.writestr(*record)
    shutil.move(str(wheel) + ".new", wheel)


for name in wheels:  # noqa: F821 (set by precompile.mjs)
    precompile(Path("/wheels") / name)
