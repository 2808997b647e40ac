# ERROR: a variable is an int64 on one path and an array on another
import numpy as np
from numba import njit


@njit
def unify_int_array(n):
    x = 0
    if n > 2:
        x = np.zeros(n)
    return x


# CALL: unify_int_array(3)
