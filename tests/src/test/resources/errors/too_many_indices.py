# ERROR: uses two indices on a 1-D array
import numpy as np
from numba import njit


@njit
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[0]):
            s += a[i, j]
    return s


# CALL: total(np.arange(4.0))
