# ERROR: a shared array whose shape is only known at run time
import numpy as np
from numba import cuda


@cuda.jit
def block_copy(a, n):
    buf = cuda.shared.array(n, np.float64)
    i = cuda.grid(1)
    if i < a.size:
        buf[cuda.threadIdx.x] = a[i]


# CALL: block_copy[1, 4](np.zeros(4), 4)
