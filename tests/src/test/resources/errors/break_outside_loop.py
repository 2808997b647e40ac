# ERROR: uses break outside of a loop
import numpy as np
from numba import njit


@njit
def early(x):
    if x > 0:
        break
    return x


# CALL: early(1)
