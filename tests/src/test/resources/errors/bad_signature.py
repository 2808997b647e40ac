# ERROR: writes a signature string with a missing parenthesis
import numpy as np
from numba import njit


@njit("float64(float64[:]")
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


# CALL: total(np.arange(4.0))
