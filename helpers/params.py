"""Checking a notebook's parameters before anything runs.

Each notebook's parameters cell annotates its parameters (``documents: list[str] = []``); the
next cell calls ``check_parameters(globals(), __annotations__)``, so a value of the wrong type
given with papermill (``-y 'documents: "002"'``) stops with one line naming the parameter, the
value given and the form expected, instead of being read letter by letter.
"""

from __future__ import annotations

import json
import typing


class ParameterError(TypeError):
    """A parameter has the wrong type; the message is one line naming it and the form expected."""


_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}
_PLURALS = {str: "strings", int: "whole numbers", float: "numbers", bool: "true-or-false values"}


def _conforms(value, expected) -> bool:
    origin = typing.get_origin(expected)
    if origin is list:
        (item,) = typing.get_args(expected) or (object,)
        return isinstance(value, list) and all(_conforms(v, item) for v in value)
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return expected is object or isinstance(value, expected)


def describe_form(name: str, value, expected) -> str:
    """The form a parameter expects, as a papermill YAML example (``documents: ["002"]``)."""
    if typing.get_origin(expected) is list:
        (item,) = typing.get_args(expected) or (str,)
        example = [value] if _conforms(value, item) else ([] if item is not str else ["..."])
        shown = json.dumps(example, ensure_ascii=False)
        return f"a list of {_PLURALS.get(item, item.__name__)}, e.g. -y '{name}: {shown}'"
    sample = {str: '"..."', int: "10", float: "1.5", bool: "true"}.get(expected, "...")
    return f"{_NAMES.get(expected, expected.__name__)}, e.g. -y '{name}: {sample}'"


def check_parameters(values: dict, annotations: dict) -> None:
    """Check every annotated parameter's type.

    Args:
        values: the notebook's variables (``globals()``).
        annotations: the parameters' types (``__annotations__`` of the parameters cell).
    Raises:
        ParameterError: one line naming the first parameter of the wrong type, the value given
            and the form expected.
    """
    for name, expected in annotations.items():
        if name not in values:
            continue
        value = values[name]
        if not _conforms(value, expected):
            given = json.dumps(value, ensure_ascii=False, default=str)
            raise ParameterError(f"parameter {name}: got {given} ({type(value).__name__}); expected "
                                 f"{describe_form(name, value, expected)}")
