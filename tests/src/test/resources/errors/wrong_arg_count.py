# ERROR: calls another kernel with too few arguments
import numpy as np
from numba import njit


@njit
def callee(a, b):
    return a + b


@njit
def caller(x):
    return callee(x)


# CALL: caller(3)
