"""The course wheel as learners get it: `python -m coursekit.publish.learner_wheel WHEEL` rewrites it in place.

The wheel the book serves holds the engine, the lessons' helpers and the content, less what only instructors
see: `content/instructor.yml` (discussion prompts and tips) and the `misconceptions` of `lessons.yml` (the
instructor guide's "Misconceptions to address"). It adds the content parsed ahead of time (`yaml_cache.SNAPSHOT`), so
a lesson reads it without parsing YAML. Its RECORD is written again to match.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

from ruamel.yaml import YAML

from coursekit.plain_yaml import load
from coursekit.yaml_cache import SNAPSHOT, NotPlain, plain, text_digest

CONTENT = "coursekit/content/"
LEFT_OUT = {f"{CONTENT}instructor.yml"}
LESSONS = f"{CONTENT}lessons.yml"


def without_misconceptions(text: bytes) -> bytes:
    """`lessons.yml` without its lessons' `misconceptions` (comments and layout kept)."""
    yaml = YAML(typ="rt")
    yaml.width, yaml.preserve_quotes = 4096, True
    data = yaml.load(text)
    for lesson in data["lessons"]:
        lesson.pop("misconceptions", None)
    out = io.BytesIO()
    yaml.dump(data, out)
    return out.getvalue()


def parsed_content(files: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    """The snapshot of the wheel's YAML content: each file's data by the SHA-256 of its text (but data that JSON
    would change, which is parsed when read)."""
    parsed = {}
    for info, data in files:
        if info.filename.startswith(CONTENT) and info.filename.endswith(".yml"):
            text = data.decode("utf-8")
            with contextlib.suppress(NotPlain):
                parsed[text_digest(text)] = plain(load(text))
    return json.dumps(parsed, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def learner_wheel(wheel: Path) -> None:
    """Rewrite `wheel` without the instructor material, with the parsed content."""
    with zipfile.ZipFile(wheel) as source:
        entries = [(info, source.read(info)) for info in source.infolist()
                   if info.filename not in {*LEFT_OUT, f"{CONTENT}{SNAPSHOT}"}]
    record = next(info.filename for info, _ in entries if info.filename.endswith(".dist-info/RECORD"))
    files = []
    for info, data in entries:
        if info.filename == LESSONS:
            data = without_misconceptions(data)
        files.append((info, data))
    snapshot = zipfile.ZipInfo(f"{CONTENT}{SNAPSHOT}", date_time=files[0][0].date_time)
    snapshot.external_attr = 0o644 << 16
    metadata = next(i for i, (info, _) in enumerate(files) if ".dist-info/" in info.filename)
    files.insert(metadata, (snapshot, parsed_content(files)))
    lines = [_record_line(info.filename, data) for info, data in files if info.filename != record]
    temporary = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in files:
            out.writestr(info, "\n".join([*lines, f"{record},,", ""]) if info.filename == record else data)
    temporary.replace(wheel)


if __name__ == "__main__":
    learner_wheel(Path(sys.argv[1]))
