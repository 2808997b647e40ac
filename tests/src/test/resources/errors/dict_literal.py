# ERROR: builds a dict inside a kernel
import numpy as np
from numba import njit


@njit
def lookup(x):
    d = {"a": 1, "b": 2}
    return x


# CALL: lookup(1)
