import numpy as np
from numba import njit

# TYPE: unsupported(int64)
@njit
def unsupported(n):
    d = {1: 2}
    f = lambda x: x + 1
    with open("x") as fh:
        pass
    return [[i] for i in range(n)]

# TYPE: plain_call(int64)
def helper(x):
    return x

@njit
def plain_call(n):
    return helper(n)

# TYPE: arity(int64)
@njit
def two(a, b):
    return a + b

@njit
def arity(n):
    return two(n, 1, 2)

# TYPE: tuples(int64)
@njit
def tuples(n):
    t = (1, 2.5)
    t[0] = n
    a, b, c = t
    return t[5]

# TYPE: floats(float64[::1], float64)
@njit
def floats(a, x):
    y = a[x]
    z = x << 2
    for i in range(x):
        pass
    return math.sqrt(x)
