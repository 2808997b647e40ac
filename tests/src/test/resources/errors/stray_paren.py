# ERROR: has an extra closing parenthesis
import numpy as np
from numba import njit


@njit
def inc(x):
    y = x + 1)
    return y


# CALL: inc(1)
