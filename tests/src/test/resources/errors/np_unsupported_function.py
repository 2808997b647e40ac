# ERROR: calls a NumPy function arrayjit does not support
import numpy as np
from numba import njit


@njit
def sums(a):
    return np.cumsum(a) + np.nancumsum(a)


# CALL: sums(np.arange(4.0))
