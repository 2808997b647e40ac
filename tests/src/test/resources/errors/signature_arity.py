# ERROR: declares one argument type for a two-parameter kernel
import numpy as np
from numba import njit


@njit("float64(float64)")
def add(a, b):
    return a + b


# CALL: add(1.0, 2.0)
