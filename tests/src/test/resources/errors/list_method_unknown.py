# ERROR: a list method Python has but kernels do not, named with the closest one
import numpy as np
from numba import njit


@njit
def grow(n):
    xs = [1, 2]
    xs.add(n)
    return xs


# CALL: grow(3)
