import math
import numpy as np
from numba import njit

SCALE = np.float32(0.5)
N = 2 * 8

# TYPE: mixed(int64, float64)
# TYPE: mixed(int32, float32)
@njit
def mixed(i, x):
    a = i // 3 + i % 3
    b = x / 2 + i
    c = -i ** 2
    d = i << 2 | 1
    return a, b, c, d

# TYPE: widen(int64)
@njit
def widen(n):
    s = 0
    for k in range(n):
        s += k * 0.5
    return s

# TYPE: scaled(float32)
@njit
def scaled(x):
    return x * SCALE + N

# TYPE: chain(int64, int64)
@njit
def chain(i, n):
    return 0 <= i < n and not (i == 3)

# TYPE: maths(float32, int64)
@njit
def maths(x, k):
    return math.sqrt(x), math.floor(x), math.hypot(x, k), min(k, 3), max(x, 2.5), abs(-k)
