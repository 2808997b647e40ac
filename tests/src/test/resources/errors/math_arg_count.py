# ERROR: calls math.atan2 with one argument
import math
import numpy as np
from numba import njit


@njit
def angle(y):
    return math.atan2(y)


# CALL: angle(1.0)
