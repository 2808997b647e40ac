# ERROR: an inner function reads a variable its kernel reassigns
import numpy as np
from numba import njit


@njit
def shifted(n):
    k = 1

    def h(x):
        return x + k

    k = 2
    return h(n)


# CALL: shifted(3)
