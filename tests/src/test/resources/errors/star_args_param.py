# ERROR: declares a *args parameter
import numpy as np
from numba import njit


@njit
def total(*values):
    s = 0
    for v in values:
        s += v
    return s


# CALL: total(1, 2, 3)
