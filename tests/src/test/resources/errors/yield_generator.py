# ERROR: turns a kernel into a generator with yield
import numpy as np
from numba import njit


@njit
def count_up(n):
    for i in range(n):
        yield i


# CALL: count_up(3)
