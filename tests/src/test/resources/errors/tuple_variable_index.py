# ERROR: indexes a heterogeneous tuple with a variable
import numpy as np
from numba import njit


@njit
def pick(i):
    t = (1, 2.5, True)
    return t[i]


# CALL: pick(1)
