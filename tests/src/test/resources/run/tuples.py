# Tuples: building, unpacking, swapping, constant indexing, returning homogeneous and
# heterogeneous tuples, len() of a tuple, tuples passed between kernels.
from numba import njit


@njit
def swap(a, b):
    a, b = b, a
    return a, b


@njit
def rotate3(a, b, c):
    a, b, c = b, c, a
    return a, b, c


@njit
def unpack_pair(n):
    t = (n, n * 2, n * 3)
    x, y, z = t
    return x + y + z, len(t), t[0], t[-1]


@njit
def min_max_mean(a):
    lo = a[0]
    hi = a[0]
    s = 0.0
    for i in range(a.shape[0]):
        v = a[i]
        if v < lo:
            lo = v
        if v > hi:
            hi = v
        s += v
    return lo, hi, s / a.shape[0]


@njit
def divmod_tuple(a, b):
    return a // b, a % b


@njit
def use_divmod(n):
    q, r = divmod_tuple(n, 7)
    return q * 10 + r


@njit
def mixed_tuple(i, x, flag):
    return (i, x, flag)


@njit
def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


@njit
def nested_unpack(n):
    p = (n, (n + 1, n + 2))
    a, (b, c) = p
    return a * 100 + b * 10 + c


# CASE: swap(1, 2)
# CASE: swap(1.5, -2.5)
# CASE: rotate3(1, 2, 3)
# CASE: unpack_pair(4)
# CASE: min_max_mean(np.array([3.0, -1.0, 7.5, 2.0]))
# CASE: min_max_mean(np.array([4, 8, 1], dtype=np.int32))
# CASE: use_divmod(100)
# CASE: use_divmod(-100)
# CASE: mixed_tuple(3, 2.5, True)
# CASE: mixed_tuple(np.int32(-1), np.float32(0.5), False)
# CASE: fib_pair(50)
# CASE: fib_pair(0)
# CASE: nested_unpack(1)
