# ERROR: adds an int64 and a tuple
import numpy as np
from numba import njit


@njit
def add_tuple(x):
    t = (1, 2)
    return x + t


# CALL: add_tuple(1)
