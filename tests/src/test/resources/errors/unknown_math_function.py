# ERROR: calls math.sqr, which does not exist
import math
import numpy as np
from numba import njit


@njit
def norm(x, y):
    return math.sqr(x * x + y * y)


# CALL: norm(3.0, 4.0)
