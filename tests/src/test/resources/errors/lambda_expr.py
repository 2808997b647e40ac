# ERROR: creates a lambda inside a kernel
import numpy as np
from numba import njit


@njit
def apply_twice(x):
    f = lambda v: v * 2
    return f(f(x))


# CALL: apply_twice(3)
