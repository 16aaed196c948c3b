"""Fill in a plugin's settings from its defaults table, and check each against what it expects."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Expect:
    """What a setting's value must be: a test, and the words an error says it with."""

    test: Callable[[Any], bool]
    # Read after "must be", as in "KEY_POINTS_HEADING must be a non-empty string".
    description: str

    def or_none(self, description: str) -> Expect:
        """Return the same expectation, None also allowed."""
        return Expect(lambda value: value is None or self.test(value), description)


def _whole_number(value: Any) -> bool:
    # True and False are ints to Python, never a count to an editor.
    return isinstance(value, int) and not isinstance(value, bool)


TRUE_OR_FALSE = Expect(lambda value: isinstance(value, bool), "True or False")
NON_EMPTY_TEXT = Expect(
    lambda value: isinstance(value, str) and bool(value.strip()), "a non-empty string"
)


def whole_number(minimum: int) -> Expect:
    """Expect a whole number of at least ``minimum``."""
    words = "0 or more" if minimum == 0 else f"at least {minimum}"
    return Expect(
        lambda value: _whole_number(value) and value >= minimum, f"a whole number of {words}"
    )


def text(description: str) -> Expect:
    """Expect a string, empty or not (a path, an address, a name), said as ``description``."""
    return Expect(lambda value: isinstance(value, str), description)


def list_of_text(description: str) -> Expect:
    """Expect a list or tuple of strings, said as ``description``."""
    return Expect(
        lambda value: isinstance(value, list | tuple) and all(isinstance(v, str) for v in value),
        description,
    )


def set_of_text(description: str) -> Expect:
    """Expect a set of strings, said as ``description``."""
    return Expect(
        lambda value: isinstance(value, set | frozenset) and all(isinstance(v, str) for v in value),
        description,
    )


def fill_and_check(
    plugin: str,
    settings: dict[str, Any],
    defaults: Mapping[str, Any],
    checks: Mapping[str, Expect],
) -> dict[str, Any]:
    """Fill in ``plugin``'s missing settings from ``defaults``, check each, and return them."""
    unchecked = set(defaults) - set(checks)
    if unchecked:
        # A plugin's own mistake, not the editor's: every documented setting is checked.
        raise TypeError(f"{plugin}: no check for {', '.join(sorted(unchecked))}")
    for key, default in defaults.items():
        settings.setdefault(key, default)
    for key, expect in checks.items():
        if not expect.test(settings[key]):
            raise ValueError(f"{plugin}: {key} must be {expect.description}, not {settings[key]!r}")
    return settings
