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
