# ERROR: lists hold numbers; a list of arrays is not supported yet
import numpy as np
from numba import njit


@njit
def rows(n):
    parts = [np.zeros(n), np.ones(n)]
    return len(parts)


# CALL: rows(2)
