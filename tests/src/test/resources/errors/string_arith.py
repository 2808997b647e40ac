# ERROR: concatenates a string and an int64
import numpy as np
from numba import njit


@njit
def label(x):
    return "total: " + x


# CALL: label(5)
