"""ruamel.yaml's round-trip loader, refusing what plain content never needs (tags, anchors, aliases, more than
`MAX_DEPTH` levels of nesting) before its composer sees it. Imported only when a file has to be parsed."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.reader import ReaderError

__all__ = ["MAX_DEPTH", "MarkedYAMLError", "NotPlain", "ReaderError", "load"]
MAX_DEPTH = 32


class NotPlain(Exception):
    """A tag, an alias or too deep a nesting, found while parsing."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


class PlainParser(RoundTripParser):
    """ruamel's parser, raising NotPlain at the first event plain content never has."""

    depth = 0

    def get_event(self) -> Any:
        event = super().get_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            raise NotPlain(line, f"aliases (*{event.anchor}) are not allowed: write the value out")
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise NotPlain(line, f"anchors (&{event.anchor}) are not allowed: write the value out")
        if isinstance(event, NodeEvent) and event.tag is not None:
            tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
            raise NotPlain(line, f"tags such as {tag} are not allowed: write a plain value")
        if isinstance(event, CollectionStartEvent):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise NotPlain(line, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, CollectionEndEvent):
            self.depth -= 1
        return event


def load(text: str) -> Any:
    """Round-trip nodes (which remember their lines) of plain YAML `text`."""
    yaml = YAML(typ="rt")
    yaml.Parser = PlainParser
    return yaml.load(text)
