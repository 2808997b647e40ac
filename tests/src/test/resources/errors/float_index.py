# ERROR: indexes an array with a float64 (true division result)
import numpy as np
from numba import njit


@njit
def middle(a):
    n = a.shape[0]
    return a[n / 2]


# CALL: middle(np.arange(5.0))
