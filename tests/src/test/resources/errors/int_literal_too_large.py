# ERROR: uses an integer literal that does not fit in 64 bits
import numpy as np
from numba import njit


@njit
def big(x):
    return x + 18446744073709551616


# CALL: big(1)
