# ERROR: forgets the colon after an if condition
import numpy as np
from numba import njit


@njit
def sign(x):
    if x > 0
        return 1
    return 0


# CALL: sign(1)
