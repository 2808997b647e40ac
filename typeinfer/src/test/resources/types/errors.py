import numpy as np
from numba import njit

# TYPE: unify(int64)
@njit
def unify(n):
    x = 0
    if n > 2:
        x = np.zeros(n)
    return x

# TYPE: many(float64[::1])
@njit
def many(a):
    y = a[0, 1]
    z = undefined_name + 1
    return a.sizee

# TYPE: callee_error(int64)
@njit
def helper(x):
    return x + (1, 2)

@njit
def callee_error(n):
    return helper(n) * 2

# TYPE: noreturn(int64)
@njit
def noreturn(n):
    if n > 0:
        return 1.5
