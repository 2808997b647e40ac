# ERROR: stores a whole array into one element
import numpy as np
from numba import njit


@njit
def copy_wrong(a, b):
    for i in range(a.shape[0]):
        a[i] = b


# CALL: copy_wrong(np.zeros(3), np.ones(3))
