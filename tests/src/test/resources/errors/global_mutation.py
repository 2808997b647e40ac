# ERROR: assigns to a module-level variable from a kernel
import numpy as np
from numba import njit

COUNTER = 0


@njit
def count(x):
    global COUNTER
    COUNTER += 1
    return x


# CALL: count(1)
