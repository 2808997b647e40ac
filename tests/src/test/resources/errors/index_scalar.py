# ERROR: indexes an int64 as if it were an array
import numpy as np
from numba import njit


@njit
def index_scalar(x):
    y = x * 2
    return y[0]


# CALL: index_scalar(3)
