// Adds bytecode to the wheels in a folder, compiled by the browser's own Python (Pyodide, from lite/package.json),
// so the in-browser kernel imports them without compiling their source first:
//   node lite/precompile.mjs FOLDER WHEEL...
// The work is done by precompile.py, run inside Pyodide with FOLDER mounted.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [folder, ...wheels] = process.argv.slice(2);
const pyodide = await loadPyodide({ env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.FS.mkdir("/wheels");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: folder }, "/wheels");
pyodide.globals.set("wheels", pyodide.toPy(wheels));
pyodide.runPython(readFileSync(new URL("./precompile.py", import.meta.url), "utf8"));
