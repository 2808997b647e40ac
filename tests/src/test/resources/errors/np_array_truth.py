# ERROR: uses a whole array as a condition
import numpy as np
from numba import njit


@njit
def positive(a):
    if a > 0:
        return 1
    return 0


# CALL: positive(np.arange(3.0))
