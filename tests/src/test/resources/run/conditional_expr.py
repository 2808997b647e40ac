# Conditional expressions `a if cond else b`: nested, inside loops, with branches of
# different numeric types (unified: int64 and float64 -> float64).
from numba import njit


@njit
def relu(x):
    return x if x > 0 else 0


@njit
def relu_f(x):
    return x if x > 0.0 else 0.0


@njit
def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


@njit
def count_positive(a):
    n = 0
    for i in range(a.shape[0]):
        n += 1 if a[i] > 0 else 0
    return n


@njit
def abs_diff(a, b):
    return a - b if a > b else b - a


@njit
def pick(flag, i, x):
    return i if flag else x


# CASE: relu(5)
# CASE: relu(-5)
# CASE: relu(2.5)
# CASE: relu_f(-1.5)
# CASE: sign(9)
# CASE: sign(-9)
# CASE: sign(0)
# CASE: count_positive(np.array([1.0, -2.0, 0.0, 3.0, 4.0]))
# CASE: abs_diff(3, 10)
# CASE: abs_diff(10.5, 3)
# CASE: pick(True, 3, 2.5)
# CASE: pick(False, 3, 2.5)
