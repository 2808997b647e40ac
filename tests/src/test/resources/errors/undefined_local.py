# ERROR: updates an accumulator that was never initialized
import numpy as np
from numba import njit


@njit
def total(a):
    for i in range(a.shape[0]):
        s += a[i]
    return s


# CALL: total(np.arange(4.0))
