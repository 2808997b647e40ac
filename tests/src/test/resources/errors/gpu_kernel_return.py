# ERROR: a @cuda.jit kernel that returns a value instead of writing it into an array
import numpy as np
from numba import cuda


@cuda.jit
def first_element(a):
    i = cuda.grid(1)
    if i == 0:
        return a[0]


# CALL: first_element[1, 4](np.array([1.0, 2.0, 3.0]))
