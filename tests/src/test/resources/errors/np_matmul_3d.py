# ERROR: multiplies a 3-D array with @
import numpy as np
from numba import njit


@njit
def batched(a, b):
    return a @ b


# CALL: batched(np.ones((2, 2, 2)), np.ones((2, 2)))
