# ERROR: uses a with statement in a kernel
import numpy as np
from numba import njit


@njit
def read_first(x):
    with open("data.txt") as fh:
        x = x + 1
    return x


# CALL: read_first(1)
