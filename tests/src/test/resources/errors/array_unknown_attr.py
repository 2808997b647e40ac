# ERROR: reads an attribute arrays do not have (length)
import numpy as np
from numba import njit


@njit
def count(a):
    return a.length


# CALL: count(np.arange(4.0))
