# NumPy functions arrayjit implements in its own kernel language. Kernels calling np.sort,
# np.argsort, np.median, ... call these; each is compiled per argument type like any kernel.
# They index within bounds by construction, so they opt out of bounds checks.
#
# The sorts are Numba's quicksort (median-of-three pivot, insertion sort below 15 elements,
# an explicit stack), so that argsort orders equal keys as Numba does; nan sorts last.
import numpy as np
from numba import njit

SMALL = 15
STACK = 100


@njit(boundscheck=False)
def lt(a, b):
    return b != b or a < b


@njit(boundscheck=False)
def insertion_sort(A, R, low, high):
    for i in range(low + 1, high + 1):
        k = R[i]
        v = A[k]
        j = i
        while j > low and lt(v, A[R[j - 1]]):
            R[j] = R[j - 1]
            j -= 1
        R[j] = k


@njit(boundscheck=False)
def partition(A, R, low, high):
    mid = (low + high) >> 1
    if lt(A[R[mid]], A[R[low]]):
        R[low], R[mid] = R[mid], R[low]
    if lt(A[R[high]], A[R[mid]]):
        R[high], R[mid] = R[mid], R[high]
    if lt(A[R[mid]], A[R[low]]):
        R[low], R[mid] = R[mid], R[low]
    pivot = A[R[mid]]
    R[high], R[mid] = R[mid], R[high]
    i = low
    j = high - 1
    while True:
        while i < high and lt(A[R[i]], pivot):
            i += 1
        while j >= low and lt(pivot, A[R[j]]):
            j -= 1
        if i >= j:
            break
        R[i], R[j] = R[j], R[i]
        i += 1
        j -= 1
    R[i], R[high] = R[high], R[i]
    return i


@njit(boundscheck=False)
def argsort(A):
    """The permutation that sorts the 1-D array A."""
    n = A.shape[0]
    R = np.arange(n)
    if n < 2:
        return R
    lows = np.empty(STACK, dtype=np.int64)
    highs = np.empty(STACK, dtype=np.int64)
    lows[0] = 0
    highs[0] = n - 1
    top = 1
    while top > 0:
        top -= 1
        low = lows[top]
        high = highs[top]
        while high - low >= SMALL:
            i = partition(A, R, low, high)
            if high - i > i - low:
                if high > i:
                    lows[top] = i + 1
                    highs[top] = high
                    top += 1
                high = i - 1
            else:
                if i > low:
                    lows[top] = low
                    highs[top] = i - 1
                    top += 1
                low = i + 1
        insertion_sort(A, R, low, high)
    return R


@njit(boundscheck=False)
def sort(A):
    """A sorted copy of the 1-D array A."""
    R = argsort(A)
    out = np.empty_like(A)
    for i in range(A.shape[0]):
        out[i] = A[R[i]]
    return out


@njit(boundscheck=False)
def median(A):
    """The median of the 1-D array A (nan when it holds a nan)."""
    s = sort(A)
    n = s.shape[0]
    if n > 0 and s[n - 1] != s[n - 1]:
        return np.nan
    m = n // 2
    if n % 2 == 0:
        return (s[m - 1] + s[m]) / 2
    return s[m] / 1


@njit(boundscheck=False)
def before_nans(a):
    """Where a nan goes in the sorted 1-D array a: after every number (the nans sort last)."""
    for i in range(a.shape[0], 0, -1):
        if a[i - 1] == a[i - 1]:
            return i
    return 0


@njit(boundscheck=False)
def search(a, v, right):
    """Where v goes in the sorted 1-D array a: before equal elements, or after them when right."""
    if v != v:
        return before_nans(a)
    lo = 0
    hi = a.shape[0]
    while hi > lo:
        mid = (lo + hi) >> 1
        if lt(a[mid], v) or (right and a[mid] == v):
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit(boundscheck=False)
def search_all(a, v, right):
    flat = v.ravel()
    out = np.empty(flat.shape[0], dtype=np.int64)
    for i in range(flat.shape[0]):
        out[i] = search(a, flat[i], right)
    return out.reshape(v.shape)


@njit(boundscheck=False)
def bincount_max(a, minlength):
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    n = a.shape[0]
    top = -1
    for i in range(n):
        if a[i] < 0:
            raise ValueError("bincount(): first argument must be non-negative")
        if a[i] > top:
            top = a[i]
    return max(top + 1, minlength)


@njit(boundscheck=False)
def bincount(a, minlength):
    out = np.zeros(bincount_max(a, minlength), dtype=np.int64)
    for i in range(a.shape[0]):
        out[a[i]] += 1
    return out


@njit(boundscheck=False)
def bincount_weighted(a, weights, minlength):
    if a.shape[0] != weights.shape[0]:
        raise ValueError("bincount(): weights and list don't have the same length")
    out = np.zeros(bincount_max(a, minlength), dtype=np.float64)
    for i in range(a.shape[0]):
        out[a[i]] += weights[i]
    return out


@njit(boundscheck=False)
def histogram_range(a, bins, bin_min, bin_max):
    """Counts of a's elements in `bins` equal bins over [bin_min, bin_max], and the bin edges."""
    if bins <= 0:
        raise ValueError("histogram(): `bins` should be a positive integer")
    if not bin_min <= bin_max:
        raise ValueError("histogram(): max must be larger than min in range parameter")
    hist = np.zeros(bins, dtype=np.int64)
    flat = a.ravel()
    if bin_max > bin_min:
        ratio = bins / (bin_max - bin_min)
        for i in range(flat.shape[0]):
            v = flat[i]
            b = np.floor((v - bin_min) * ratio)
            if 0 <= b < bins:
                hist[int(b)] += 1
            elif v == bin_max:
                hist[bins - 1] += 1
    return hist, np.linspace(bin_min, bin_max, bins + 1)


@njit(boundscheck=False)
def histogram(a, bins):
    flat = a.ravel()
    lo = np.inf
    hi = -np.inf
    for i in range(flat.shape[0]):
        v = flat[i]
        if lo > v:
            lo = v
        if hi < v:
            hi = v
    return histogram_range(a, bins, lo, hi)


@njit(boundscheck=False)
def unique(a):
    """The sorted distinct elements of a, flattened (every nan is kept, as in Numba)."""
    b = sort(a.ravel())
    n = b.shape[0]
    count = 1 if n > 0 else 0
    for i in range(1, n):
        if b[i] != b[i - 1]:
            count += 1
    out = b[:count].copy()
    k = 0
    for i in range(n):
        if i == 0 or b[i] != b[i - 1]:
            out[k] = b[i]
            k += 1
    return out


@njit(boundscheck=False)
def sort_last_axis(A):
    """A copy of A with every line along its last axis sorted."""
    out = A.copy()
    n = A.shape[-1]
    lines = out.reshape((-1, n))
    for i in range(lines.shape[0]):
        lines[i] = sort(lines[i])
    return out


@njit(boundscheck=False)
def argsort_stable(A):
    """The permutation that sorts the 1-D array A, keeping equal keys in order (merge sort)."""
    n = A.shape[0]
    R = np.arange(n)
    tmp = np.empty(n, dtype=np.int64)
    width = 1
    while width < n:
        lo = 0
        while lo < n - width:
            mid = lo + width
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            k = lo
            while i < mid and j < hi:
                if lt(A[R[j]], A[R[i]]):
                    tmp[k] = R[j]
                    j += 1
                else:
                    tmp[k] = R[i]
                    i += 1
                k += 1
            while i < mid:
                tmp[k] = R[i]
                i += 1
                k += 1
            while j < hi:
                tmp[k] = R[j]
                j += 1
                k += 1
            for m in range(lo, hi):
                R[m] = tmp[m]
            lo += 2 * width
        width *= 2
    return R


# ---- advanced indexing: a[mask], a[index_array] (along the first axis) --------------------------
# These keep bounds checks on: an index array may hold anything.

@njit
def mask_check(a, m):
    if m.shape[0] != a.shape[0]:
        raise IndexError(f"boolean index did not match indexed array along dimension 0; dimension is {a.shape[0]} "
                         f"but corresponding boolean dimension is {m.shape[0]}")
    count = 0
    for i in range(m.shape[0]):
        if m[i]:
            count += 1
    return count


@njit
def mask_select(a, m):
    """a[m]: the elements (rows) of a where the 1-D bool array m is true."""
    out = np.empty((mask_check(a, m),) + a.shape[1:], a.dtype)
    k = 0
    for i in range(m.shape[0]):
        if m[i]:
            out[k] = a[i]
            k += 1
    return out


@njit
def mask_put(a, m, v):
    """a[m] = v for a scalar (or a row broadcast to every selected row)."""
    mask_check(a, m)
    for i in range(m.shape[0]):
        if m[i]:
            a[i] = v


@njit
def mask_put_each(a, m, values):
    """a[m] = values: the selected elements (rows) take values in order."""
    count = mask_check(a, m)
    if values.shape[0] != count and values.shape[0] != 1:
        raise ValueError(f"NumPy boolean array indexing assignment cannot assign {values.shape[0]} input values "
                         f"to the {count} output values where the mask is true")
    k = 0
    for i in range(m.shape[0]):
        if m[i]:
            a[i] = values[k if values.shape[0] != 1 else 0]
            k += 1


@njit
def take(a, idx):
    """a[idx] for a 1-D integer array idx: the elements (rows) of a at those positions."""
    out = np.empty((idx.shape[0],) + a.shape[1:], a.dtype)
    for k in range(idx.shape[0]):
        out[k] = a[idx[k]]
    return out


@njit
def put(a, idx, v):
    """a[idx] = v for a scalar (or a row); a repeated index is written again."""
    for k in range(idx.shape[0]):
        a[idx[k]] = v


@njit
def put_each(a, idx, values):
    """a[idx] = values: position idx[k] takes values[k] (the last write wins)."""
    if values.shape[0] != idx.shape[0] and values.shape[0] != 1:
        raise ValueError(f"shape mismatch: value array of shape ({values.shape[0]},) could not be broadcast "
                         f"to indexing result of shape ({idx.shape[0]},)")
    for k in range(idx.shape[0]):
        a[idx[k]] = values[k if values.shape[0] != 1 else 0]


# ---- lists: the methods and builtins that loop without allocating (Python's semantics) ----

@njit
def list_pop_at(l, i):
    n = len(l)
    if n == 0:
        raise IndexError("pop from empty list")
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError("pop index out of range")
    v = l[i]
    for k in range(i, n - 1):
        l[k] = l[k + 1]
    l.pop()
    return v


@njit
def list_insert(l, i, v):
    n = len(l)
    if i < 0:
        i += n
        if i < 0:
            i = 0
    if i > n:
        i = n
    l.append(v)
    for k in range(n, i, -1):
        l[k] = l[k - 1]
    l[i] = v


@njit
def list_index(l, v):
    for k in range(len(l)):
        if l[k] == v:
            return k
    raise ValueError("value not in list")


@njit
def list_count(l, v):
    c = 0
    for x in l:
        if x == v:
            c += 1
    return c


@njit
def list_remove(l, v):
    n = len(l)
    for i in range(n):
        if l[i] == v:
            for k in range(i, n - 1):
                l[k] = l[k + 1]
            l.pop()
            return
    raise ValueError("list.remove(x): x not in list")


@njit
def list_contains(l, v):
    for x in l:
        if x == v:
            return True
    return False


@njit
def list_reverse(l):
    i = 0
    j = len(l) - 1
    while i < j:
        t = l[i]
        l[i] = l[j]
        l[j] = t
        i += 1
        j -= 1


@njit
def list_sum(l):
    s = 0
    for x in l:
        s += x
    return s


@njit
def list_min(l):
    if len(l) == 0:
        raise ValueError("min() arg is an empty sequence")
    m = l[0]
    for k in range(1, len(l)):
        if l[k] < m:
            m = l[k]
    return m


@njit
def list_max(l):
    if len(l) == 0:
        raise ValueError("max() arg is an empty sequence")
    m = l[0]
    for k in range(1, len(l)):
        if l[k] > m:
            m = l[k]
    return m
