# ERROR: returns an int64 on one path and a tuple on another
import numpy as np
from numba import njit


@njit
def branch_types(x):
    if x > 0:
        return x
    else:
        return (x, x)


# CALL: branch_types(1)
