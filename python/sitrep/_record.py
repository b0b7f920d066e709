"""Records: the JSON objects of a ``sitrep/1`` analysis with attribute access."""

from __future__ import annotations

from typing import Any


class Record(dict):
    """A ``sitrep/1`` JSON object: a ``dict`` whose keys are also attributes.

    ``event.type``, ``event.source[0].code`` and ``event["type"]`` all work; a record equals
    the plain dict with the same content, and ``to_dict()`` returns plain dicts and lists.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} has no field {name!r} (fields: {', '.join(self)})"
            ) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("records are read through attributes; change them as a dict")

    def __dir__(self):
        return list(self.keys())

    def to_dict(self) -> dict:
        """This record as plain dicts and lists (a deep copy)."""
        return _plain(self)


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v
