# ERROR: declares a **kwargs parameter
import numpy as np
from numba import njit


@njit
def scaled(a, **kwargs):
    return a * 2


# CALL: scaled(1)
