# ERROR: asks for float16, which kernels do not support
import numpy as np
from numba import njit


@njit
def halves(n):
    return np.zeros(n, dtype=np.float16)


# CALL: halves(3)
