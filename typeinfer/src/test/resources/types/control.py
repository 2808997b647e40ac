import numpy as np
from numba import njit

# TYPE: find(int64[::1], int64)
@njit
def find(a, v):
    for i in range(len(a)):
        if a[i] == v:
            break
    else:
        return -1
    return i

# TYPE: collatz(int64)
@njit
def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        elif n < 0:
            raise ValueError("n must be positive")
        else:
            n = 3 * n + 1
        steps += 1
        if steps > 1000:
            continue
    return steps

# TYPE: checked(float64, float64)
@njit(error_model="numpy")
def checked(x, y):
    assert x >= 0, "x must not be negative"
    return x / y if y != 0 else x // y

# TYPE: defaults(int64)
@njit
def scale(x, factor=2, offset=0.5):
    return x * factor + offset

@njit
def defaults(n):
    return scale(n), scale(n, offset=1), scale(n, 3, 0.25)

# TYPE: declared(int32)
@njit("float32(int32)")
def declared(n):
    return n * 2

# TYPE: reversed_sum(int64)
@njit
def reversed_sum(n):
    total = 0
    for k in range(n, 0, -1):
        total += k
    for j in range(0, n, n // 2):
        total -= j
    return total, k

# TYPE: reuse(int64)
@njit
def reuse(n):
    x = 0
    for i in range(n):
        x += i
    total = x
    x = np.zeros(n)
    for i in range(n):
        x[i] = total * 0.5
    return x

# TYPE: merged(int64)
@njit
def merged(n):
    y = 1
    if n > 3:
        y = 2.5
    return y
