"""out[i] = sin(x[i]) * exp(x[i]) over a float64 vector (1e7 elements), into a new array.

    bin/arrayjit run benchmarks/kernels/sin_exp.py sin_exp x.npy --repeat 10
"""
import math

import numpy as np
from numba import njit


@njit
def sin_exp(x):
    n = x.shape[0]
    out = np.empty(n)
    for i in range(n):
        out[i] = math.sin(x[i]) * math.exp(x[i])
    return out
