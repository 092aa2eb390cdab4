"""Integer codes for the string ids of the over-time tables, hashing as few strings as possible.

Counting per period needs, for every row of a matches or mentions table, the position of its
document among the placed documents and a number for its sentence. Hashing millions of sentence
ids is the slow part, so the tables are read as they come: the extractors write their rows grouped
by document and sorted by sentence id, and then a row starts a new sentence exactly where its id
differs from the row before (one vectorised comparison of neighbours, no hash table). Rows in any
other order are still counted right: the sentence ids are then hashed (Arrow dictionary encoding).
Document ids are hashed once per run of equal ids, which is right in any order.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def as_arrow(values) -> pa.Array | pa.ChunkedArray:
    """A column (Series, Index, Arrow array, list) as Arrow strings, without copying the Arrow-backed
    str columns of pandas."""
    arr = values if isinstance(values, pa.Array | pa.ChunkedArray) else pa.array(values)
    if isinstance(arr, pa.ChunkedArray) and arr.num_chunks == 0:
        arr = pa.array([], type=arr.type)
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.large_string())
    return arr


def index_codes(values, universe) -> np.ndarray:
    """Each value's position in ``universe`` (-1 when absent or null), hashed in Arrow."""
    universe = as_arrow(universe)
    if isinstance(universe, pa.ChunkedArray):
        universe = universe.combine_chunks()
    values = as_arrow(values)
    found = pc.index_in(values, value_set=universe.cast(values.type))
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype("int64")


def run_starts(values) -> np.ndarray:
    """True at each row whose value differs from the row before (and at row 0; a null counts as
    differing from everything)."""
    arr = as_arrow(values)
    n = len(arr)
    starts = np.ones(n, dtype=bool)
    if n > 1:
        same = pc.equal(arr.slice(1), arr.slice(0, n - 1)).fill_null(False)
        starts[1:] = ~same.to_numpy(zero_copy_only=False)
    return starts


def is_sorted(values) -> bool:
    """Whether the values never decrease (byte order) and none is null."""
    arr = as_arrow(values)
    n = len(arr)
    if arr.null_count:
        return False
    return n < 2 or bool(pc.all(pc.less_equal(arr.slice(0, n - 1), arr.slice(1))).as_py())


def codes_by_runs(values, universe) -> np.ndarray:
    """index_codes of each value, hashing one value per run of equal neighbours."""
    starts = run_starts(values)
    heads = np.flatnonzero(starts)
    found = index_codes(as_arrow(values).take(pa.array(heads)), universe)
    return found[np.cumsum(starts) - 1]


def encode_sentences(sent_ids) -> tuple[np.ndarray, np.ndarray]:
    """A number per distinct sentence id (0, 1, ...) for each row, and the first row of each number.

    Sorted ids are numbered by runs (a sorted column holds each id in one run), others by hashing;
    the numbers differ between the two ways, the grouping they make does not.
    """
    arr = as_arrow(sent_ids)
    if is_sorted(arr):
        starts = run_starts(arr)
        return np.cumsum(starts) - 1, np.flatnonzero(starts)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    encoded = pc.dictionary_encode(arr, null_encoding="encode")
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype("int64")
    first = np.empty(len(encoded.dictionary), dtype="int64")
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return codes, first


def distinct_codes(keys: np.ndarray, size: int) -> np.ndarray:
    """The distinct integer keys in [0, size), sorted, by marking them in a table of flags: O(n)."""
    seen = np.zeros(size, dtype=bool)
    seen[keys] = True
    return np.flatnonzero(seen)
