# ERROR: calls a NumPy function kernels do not support
import numpy as np
from numba import njit


@njit
def sym_diff(a):
    return np.setxor1d(a, a)


# CALL: sym_diff(np.arange(4))
