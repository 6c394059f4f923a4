"""YAML loading that remembers where every value came from.

Rule sets, sites files and configuration are written by people; when one is
wrong the message must say ``FILE:LINE: what is wrong``.  :func:`load_yaml`
returns plain dicts and lists whose mappings carry their line numbers in
:data:`LINE_KEY`, and :class:`SourceError` formats the one-line message.
"""

from __future__ import annotations

import math
import reprlib
from pathlib import Path
from typing import Any

import yaml

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlist = 4
_SHORT.maxdict = 4


def short(value: Any) -> str:
    """A value as an error message may quote it: short, one line."""
    return _SHORT.repr(value).replace("\n", " ")

LINE_KEY = "__line__"
KEY_LINES = "__key_lines__"


class SourceError(Exception):
    """A problem in a user-written file, reported as ``FILE:LINE: message``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)  # type: ignore[assignment]
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[KEY_LINES] = seen
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path | str) -> Any:
    """Parse a YAML file; syntax errors become :class:`SourceError` with the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(path, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise SourceError(path, None, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise SourceError(path, None, f"cannot read file ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise SourceError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise SourceError(path, None, f"invalid YAML: {exc}") from None


def line_of(value: Any, default: int | None = None) -> int | None:
    return value.get(LINE_KEY, default) if isinstance(value, dict) else default


def strip_lines(value: Any) -> Any:
    """A copy of ``value`` without the line-number keys."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in (LINE_KEY, KEY_LINES)}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


class Fields:
    """Typed access to one mapping of a YAML file, with located errors."""

    def __init__(self, path: Path | str, data: Any, what: str, line: int | None = None) -> None:
        self.path = path
        self.what = what
        self.line = line_of(data, line)
        if not isinstance(data, dict):
            got = "nothing" if data is None else f"{type(data).__name__} {short(data)}"
            raise self.error(f"{what} must be a mapping, got {got}")
        self.data = data

    def key_line(self, key: str) -> int | None:
        return self.data.get(KEY_LINES, {}).get(key, self.line)

    def error(self, message: str, key: str | None = None) -> SourceError:
        return SourceError(self.path, self.key_line(key) if key else self.line, message)

    def child(self, key: str, what: str) -> Fields:
        """The mapping under ``key``, located at that key's line."""
        return Fields(self.path, self.data[key], what, self.key_line(key))

    def keys(self) -> list[str]:
        return [k for k in self.data if k not in (LINE_KEY, KEY_LINES)]

    def check_keys(self, allowed: set[str]) -> None:
        unknown = [k for k in self.keys() if k not in allowed]
        if unknown:
            raise self.error(
                f"{self.what}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})",
                key=unknown[0],
            )

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ..., ) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.error(f"{self.what}: missing required key {key!r}")
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.error(f"{self.what}: {key!r} must be {names}, got {short(value)}", key=key)
        return value

    def number(self, key: str, kind: type, default: Any = ..., *,
               minimum: float | None = None, maximum: float | None = None,
               above: float | None = None, low: str | None = None) -> Any:
        """A finite ``int`` or ``float`` within ``[minimum, maximum]`` (``above``: an
        exclusive lower bound); ``nan``, ``.inf`` and absurd values are located errors.
        ``low`` replaces the wording of the lower-bound message."""
        value = self.get(key, kind, default)
        if key not in self.data or value is None:
            return value

        def bound(x: float) -> str:
            return str(int(x)) if float(x).is_integer() else f"{x:g}"

        problem = None
        if isinstance(value, float) and not math.isfinite(value):
            problem = "must be a finite number"
        elif above is not None and value <= above:
            problem = low or f"must be greater than {bound(above)}"
        elif minimum is not None and value < minimum:
            problem = low or ("must not be negative" if minimum == 0
                              else f"must be at least {bound(minimum)}")
        elif maximum is not None and value > maximum:
            problem = f"must be at most {bound(maximum)}"
        if problem:
            raise self.error(f"{self.what}: {key!r} {problem}, got {short(value)}", key=key)
        return value

    def strings(self, key: str, default: list[str] | None = None) -> list[str]:
        values = self.get(key, list, default if default is not None else ...)
        for v in values:
            if not isinstance(v, str) or not v.strip():
                raise self.error(
                    f"{self.what}: {key!r} must be a list of non-empty strings, got {short(v)}",
                    key=key,
                )
        return values
