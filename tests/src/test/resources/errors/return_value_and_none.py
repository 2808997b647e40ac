# ERROR: returns a value on one path and nothing on another
import numpy as np
from numba import njit


@njit
def find(a, x):
    for i in range(a.shape[0]):
        if a[i] == x:
            return i
    return


# CALL: find(np.arange(4.0), 2.0)
