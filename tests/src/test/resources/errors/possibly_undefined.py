# ERROR: uses a variable that is only assigned on one branch
import numpy as np
from numba import njit


@njit
def pick(x):
    if x > 0:
        y = x * 2
    return y


# CALL: pick(3)
