# ERROR: an empty list that nothing is ever appended to has no element type
import numpy as np
from numba import njit


@njit
def count(n):
    seen = []
    return len(seen) + n


# CALL: count(1)
