# ERROR: leaves a parenthesis open
import numpy as np
from numba import njit


@njit
def mean2(a, b):
    m = (a + b / 2
    return m


# CALL: mean2(1.0, 2.0)
