# ERROR: assigns to a.shape
import numpy as np
from numba import njit


@njit
def flatten(a):
    a.shape = (a.size,)
    return a


# CALL: flatten(np.zeros((2, 3)))
