# ERROR: calls a function that does not exist
import numpy as np
from numba import njit


@njit
def call_undefined(x):
    return undefined_helper(x) + 1


# CALL: call_undefined(1)
