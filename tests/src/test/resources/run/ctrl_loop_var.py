# The loop variable keeps its last value after the loop (also after break);
# a variable first assigned inside the loop is visible after it.
from numba import njit


@njit
def last_index(n):
    i = -1
    for i in range(n):
        pass
    return i


@njit
def index_after_break(n, stop):
    for i in range(n):
        if i == stop:
            break
    return i


@njit
def last_of_step(a, b, c):
    k = 0
    for k in range(a, b, c):
        pass
    return k


@njit
def assigned_in_loop(n):
    for i in range(n):
        last_sq = i * i
    return last_sq


# CASE: last_index(10)
# CASE: last_index(0)
# CASE: index_after_break(10, 4)
# CASE: index_after_break(10, 40)
# CASE: last_of_step(0, 10, 3)
# CASE: last_of_step(10, -1, -4)
# CASE: assigned_in_loop(5)
