# break and continue in for and while loops, including nested loops (break leaves
# only the inner loop) and for/else, while/else (else runs when no break happened).
import numpy as np
from numba import njit


@njit
def find_first(a, x):
    idx = -1
    for i in range(a.shape[0]):
        if a[i] == x:
            idx = i
            break
    return idx


@njit
def sum_odd(n):
    s = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        s += i
    return s


@njit
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    return True


@njit
def for_else(a, x):
    for i in range(a.shape[0]):
        if a[i] == x:
            found = i
            break
    else:
        found = -100
    return found


@njit
def while_else(n):
    i = 0
    r = 0
    while i < n:
        if i == 7:
            r = -1
            break
        i += 1
    else:
        r = i
    return r


@njit
def nested_break(n):
    pairs = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            if (i + j) % 3 == 0:
                continue
            pairs += 1
    return pairs


@njit
def skip_nan_sum(a):
    s = 0.0
    i = 0
    while i < a.shape[0]:
        v = a[i]
        i += 1
        if v != v:
            continue
        s += v
    return s


# CASE: find_first(np.array([5, 3, 9, 3]), 3)
# CASE: find_first(np.array([5, 3, 9, 3]), 4)
# CASE: sum_odd(10)
# CASE: is_prime(97)
# CASE: is_prime(91)
# CASE: is_prime(2)
# CASE: is_prime(1)
# CASE: for_else(np.arange(5.0), 3.0)
# CASE: for_else(np.arange(5.0), 30.0)
# CASE: while_else(5)
# CASE: while_else(10)
# CASE: nested_break(6)
# CASE: skip_nan_sum(np.array([1.0, np.nan, 2.5, np.nan, -0.5]))
