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
    return found.fill_null(-1).to_numpy(zero_copy_only=False)


def run_starts(values) -> np.ndarray:
    """True at each row whose value differs from the row before (and at row 0; a null counts as
    differing from everything)."""
    arr = as_arrow(values)
    n = len(arr)
    starts = np.ones(n, dtype=bool)
    if n > 1:
        differs = pc.not_equal(arr.slice(1), arr.slice(0, n - 1))
        starts[1:] = (differs.fill_null(True) if differs.null_count else differs).to_numpy(
            zero_copy_only=False)
    return starts


def is_sorted(values) -> bool:
    """Whether the values never decrease (byte order) and none is null."""
    arr = as_arrow(values)
    n = len(arr)
    if arr.null_count:
        return False
    return n < 2 or bool(pc.all(pc.less_equal(arr.slice(0, n - 1), arr.slice(1))).as_py())


def running_number(starts: np.ndarray) -> np.ndarray:
    """The number of the run each row is in (0 for the first run), in the narrowest integer type."""
    numbers = np.cumsum(starts, dtype=code_type(len(starts)))
    numbers -= 1
    return numbers


def code_type(size: int) -> type:
    """int32 for codes below ``size`` when they fit (half the memory to stream), else int64."""
    return np.int32 if size < 2**31 else np.int64


def pair_codes(a: np.ndarray, b: np.ndarray, n_b: int, n_a: int) -> np.ndarray:
    """One integer per pair (a, b), a * n_b + b, in a type wide enough for a < n_a, b < n_b."""
    kind = code_type(n_a * n_b)
    return a.astype(kind, copy=False) * kind(n_b) + b.astype(kind, copy=False)


def codes_by_runs(values, universe) -> np.ndarray:
    """index_codes of each value, hashing one value per run of equal neighbours."""
    starts = run_starts(values)
    heads = np.flatnonzero(starts)
    found = index_codes(as_arrow(values).take(pa.array(heads)), universe)
    return found[running_number(starts)]


def encode_sentences(sent_ids) -> tuple[np.ndarray, np.ndarray]:
    """A number per distinct sentence id (0, 1, ...) for each row, and the first row of each number.

    Sorted ids are numbered by runs (a sorted column holds each id in one run), others by hashing;
    the numbers differ between the two ways, the grouping they make does not.
    """
    arr = as_arrow(sent_ids)
    if is_sorted(arr):
        starts = run_starts(arr)
        return running_number(starts), np.flatnonzero(starts)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    encoded = pc.dictionary_encode(arr, null_encoding="encode")
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    first = np.empty(len(encoded.dictionary), dtype="int64")
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return codes, first


def distinct_pairs(a: np.ndarray, b: np.ndarray, n_a: int, n_b: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs (a, b) with 0 <= a < n_a and 0 <= b < n_b, ordered by a then b."""
    return np.divmod(distinct_codes(pair_codes(a, b, n_b, n_a), n_a * n_b), n_b)


def distinct_codes(keys: np.ndarray, size: int) -> np.ndarray:
    """The distinct integer keys in [0, size), sorted, by marking them in a table of flags: O(n)."""
    seen = np.zeros(size, dtype=bool)
    seen[keys] = True
    return np.flatnonzero(seen)
