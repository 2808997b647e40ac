# ERROR: uses a character that is not Python
import numpy as np
from numba import njit


@njit
def cost(x):
    y = x $ 2
    return y


# CALL: cost(1)
