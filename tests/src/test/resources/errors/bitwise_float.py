# ERROR: applies & to a float64
import numpy as np
from numba import njit


@njit
def low_bit(x):
    return x & 1


# CALL: low_bit(2.5)
