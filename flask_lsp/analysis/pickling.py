"""Pickling facts quickly: a parallel check sends every module's facts to every worker."""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, TypeVar

T = TypeVar("T")


def by_fields(cls: type[T]) -> type[T]:
    """Pickle the dataclass `cls` as its constructor's arguments, read in one C call.

    By default a slotted dataclass pickles through `dataclasses.fields()` and a Python
    `__getstate__` / `__setstate__` per object: half again as slow for the facts of a project,
    most of which are such objects (spans, proxy uses, call sites...).
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not fields or any(not f.init or f.kw_only for f in fields):
        raise TypeError(f"{cls.__name__}: every field must be a positional __init__ argument")
    get = operator.attrgetter(*(f.name for f in fields))

    def reduce_one(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return (cls, (get(self),))

    def reduce_many(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return (cls, get(self))

    cls.__reduce__ = reduce_one if len(fields) == 1 else reduce_many  # type: ignore[method-assign]
    return cls
