# ERROR: calls a plain Python function that is not jitted
import numpy as np
from numba import njit


def helper(v):
    return v + 1


@njit
def call_plain(x):
    return helper(x)


# CALL: call_plain(1)
