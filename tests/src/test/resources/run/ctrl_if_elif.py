# if / elif / else chains, nested ifs, early returns, pass in a branch.
from numba import njit


@njit
def classify(x):
    if x < 0:
        return -1
    elif x == 0:
        return 0
    elif x < 10:
        return 1
    else:
        return 2


@njit
def grade(score):
    g = 0
    if score >= 90:
        g = 4
    elif score >= 80:
        g = 3
    elif score >= 70:
        g = 2
    elif score >= 60:
        g = 1
    return g


@njit
def nested(a, b):
    if a > 0:
        if b > 0:
            r = 1
        else:
            r = 2
    else:
        if b > 0:
            r = 3
        else:
            pass
            r = 4
    return r


@njit
def sign_float(x):
    if x > 0.0:
        return 1.0
    if x < 0.0:
        return -1.0
    return x


# CASE: classify(-5)
# CASE: classify(0)
# CASE: classify(7)
# CASE: classify(10)
# CASE: classify(2.5)
# CASE: grade(95)
# CASE: grade(85)
# CASE: grade(61)
# CASE: grade(12)
# CASE: nested(1, 1)
# CASE: nested(1, -1)
# CASE: nested(-1, 1)
# CASE: nested(-1, -1)
# CASE: sign_float(-3.5)
# CASE: sign_float(-0.0)
# CASE: sign_float(np.nan)
