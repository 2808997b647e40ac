# ERROR: misspells a decorator option
import numpy as np
from numba import njit


@njit(fastmath=True, paralell=True)
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


# CALL: total(np.arange(4.0))
