# ERROR: a return inside a parallel prange loop, whose iterations run in no set order
import numpy as np
from numba import njit, prange


@njit(parallel=True)
def first_negative(a):
    for i in prange(a.shape[0]):
        if a[i] < 0:
            return i
    return -1


# CALL: first_negative(np.array([1.0, -2.0, 3.0]))
