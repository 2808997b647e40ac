# ERROR: deletes a local variable
import numpy as np
from numba import njit


@njit
def forget(x):
    y = x + 1
    del y
    return x


# CALL: forget(1)
