# ERROR: cuda.grid() in an @njit function, which runs on the CPU
import numpy as np
from numba import cuda, njit


@njit
def fill(a):
    i = cuda.grid(1)
    a[i] = 1.0


# CALL: fill(np.zeros(3))
