"""Progress bars for long steps: shown when working interactively, silent in reports and tests.

Set WORKBOOK_PROGRESS=0 to silence them (the report builder and the test suite do, so committed
notebook outputs never hold a progress bar); short jobs (fewer than MIN_ITEMS items) never show one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
MIN_ITEMS = 200


def is_enabled(total: int, min_items: int = MIN_ITEMS) -> bool:
    """Whether a job of ``total`` items shows a progress bar."""
    return os.environ.get("WORKBOOK_PROGRESS", "1") != "0" and total >= min_items


def track(items: Iterable[T], total: int, desc: str,
          min_items: int = MIN_ITEMS) -> Iterator[T] | Iterable[T]:
    """Wrap ``items`` in a tqdm bar on stderr when enabled (and at least ``min_items`` long);
    otherwise return them unchanged."""
    if not is_enabled(total, min_items):
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, leave=False)
