# ERROR: defines a class inside a kernel
import numpy as np
from numba import njit


@njit
def make_point(x):
    class Point:
        pass
    return x


# CALL: make_point(1)
