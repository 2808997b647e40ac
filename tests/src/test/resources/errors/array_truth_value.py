# ERROR: uses a whole-array comparison as an if condition
import numpy as np
from numba import njit


@njit
def any_positive(a):
    if a > 0:
        return True
    return False


# CALL: any_positive(np.arange(3.0))
