# ERROR: adds 1 to None
import numpy as np
from numba import njit


@njit
def bump(flag):
    x = None
    return x + 1


# CALL: bump(True)
