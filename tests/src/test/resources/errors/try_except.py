# ERROR: uses try/except in a kernel
import numpy as np
from numba import njit


@njit
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return 0.0


# CALL: safe_div(1.0, 0.0)
