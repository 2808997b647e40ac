# ERROR: assigns to an element of a tuple (a.shape)
import numpy as np
from numba import njit


@njit
def reshape_in_place(a):
    s = a.shape
    s[0] = 3
    return s


# CALL: reshape_in_place(np.zeros((2, 2)))
