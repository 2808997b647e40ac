# ERROR: indents a line more than its block
import numpy as np
from numba import njit


@njit
def inc(x):
    y = x + 1
      return y


# CALL: inc(1)
