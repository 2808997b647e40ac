# ERROR: builds a list inside a kernel
import numpy as np
from numba import njit


@njit
def first(x):
    lst = [1, 2, 3]
    return lst[0] + x


# CALL: first(1)
