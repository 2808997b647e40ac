# ERROR: two independent mistakes in one kernel: both must be reported
import numpy as np
from numba import njit


@njit
def two(a, n):
    x = a.lenght
    y = n + (1, 2)
    return n


# CALL: two(np.arange(3.0), 2)
