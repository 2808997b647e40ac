# ERROR: builds a set inside a kernel
import numpy as np
from numba import njit


@njit
def distinct(x):
    s = {1, 2, 3}
    return x


# CALL: distinct(1)
