# for over range(stop), range(start, stop), range(start, stop, step): negative steps,
# empty ranges, steps that overshoot, step 0 raises ValueError.
from numba import njit


@njit
def sum_stop(n):
    s = 0
    for i in range(n):
        s += i
    return s


@njit
def sum_start_stop(a, b):
    s = 0
    for i in range(a, b):
        s += i
    return s


@njit
def sum_step(a, b, c):
    s = 0
    n = 0
    for i in range(a, b, c):
        s += i
        n += 1
    return s, n


@njit
def countdown(n):
    s = 0
    for i in range(n, 0, -1):
        s = s * 10 + i % 10
    return s


@njit
def weighted(n):
    # float accumulator, int loop variable
    s = 0.0
    for i in range(1, n + 1):
        s += 1.0 / i
    return s


@njit
def nested_ranges(n):
    s = 0
    for i in range(n):
        for j in range(i, n, 2):
            s += i * j
    return s


# CASE: sum_stop(10)
# CASE: sum_stop(0)
# CASE: sum_stop(-5)
# CASE: sum_start_stop(3, 8)
# CASE: sum_start_stop(8, 3)
# CASE: sum_start_stop(-4, 2)
# CASE: sum_step(0, 10, 3)
# CASE: sum_step(10, 0, -3)
# CASE: sum_step(0, -5, -2)
# CASE: sum_step(0, 10, -1)
# CASE: sum_step(5, 6, 100)
# CASE: sum_step(0, 10, 0)
# CASE: countdown(9)
# CASE: weighted(10)
# CASE: nested_ranges(7)
