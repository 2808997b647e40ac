# ERROR: reads a.shape[2] of a 2-D array
import numpy as np
from numba import njit


@njit
def depth(a):
    return a.shape[2]


# CALL: depth(np.zeros((2, 3)))
