"""The JSON Schema of a quiz bank, for authors' editors, generated from the pydantic models: the bank's
fields, and each question type's from its model in the registry. Every bank names it in its first line
(`# yaml-language-server: $schema=../schema/bank.schema.json`), so an editor with a YAML language server
flags an unknown key or type as the author types. `coursekit check` stays the judge: the schema cannot
say everything (one gap in a fill-in-the-blank prompt, a numeric answer or range).

`python -m coursekit.course.bank_schema` rewrites `content/schema/bank.schema.json`; a test keeps it current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from coursekit.course.bank import BankFields
from coursekit.qtypes import QUESTION_TYPES

SCHEMA = Path("schema") / "bank.schema.json"  # in the content folder
MODELINE = f"# yaml-language-server: $schema=../{SCHEMA.as_posix()}"


def bank_schema() -> dict[str, Any]:
    question = Annotated[Union[tuple(QUESTION_TYPES.values())], Field(discriminator="type")]  # noqa: UP007

    class QuizBank(BankFields):
        """A quiz: its id, title, optional intro and pretest, and its questions (`content/quizzes/<id>.yml`)."""

        questions: list[question] = Field(min_length=1)  # type: ignore[valid-type]

    schema = TypeAdapter(QuizBank).json_schema()
    mapping = schema["properties"]["questions"]["items"]["discriminator"]["mapping"]
    # The question's `type` picks its fields (if/then rather than pydantic's oneOf), so a validator
    # reports the one mistake ("'explaination' was unexpected") instead of every type it is not.
    schema["properties"]["questions"]["items"] = {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": list(QUESTION_TYPES)}},
        "allOf": [
            {"if": {"properties": {"type": {"const": name}}, "required": ["type"]}, "then": {"$ref": mapping[name]}}
            for name in QUESTION_TYPES
        ],
    }
    for name, ref in mapping.items():
        schema["$defs"][ref.rsplit("/", 1)[1]]["description"] = f"A `{name}` question: {QUESTION_TYPES[name].label}."
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"


def main(content: Path | None = None) -> Path:
    """Write the schema into the content folder (default: this checkout's); return its path."""
    from coursekit.course import content_dir

    path = (content or content_dir()) / SCHEMA
    path.parent.mkdir(exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(main())
