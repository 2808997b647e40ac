# ERROR: a @vectorize target arrayjit does not know
import numpy as np
from numba import vectorize


@vectorize(["float64(float64)"], target="tpu")
def half(x):
    return x / 2


# CALL: half(np.arange(3.0))
