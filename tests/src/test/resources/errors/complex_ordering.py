# ERROR: orders complex numbers, which have no order
import numpy as np
from numba import njit


@njit
def bigger(x, y):
    return complex(x, 1.0) < complex(y, 0.0)


# CALL: bigger(1.0, 2.0)
