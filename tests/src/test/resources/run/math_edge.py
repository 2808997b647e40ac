# math functions never raise in Numba: domain errors give nan, poles give inf,
# overflow gives inf (CPython would raise ValueError/OverflowError).
import math
from numba import njit


@njit
def sqrt_(x):
    return math.sqrt(x)


@njit
def log_(x):
    return math.log(x)


@njit
def exp_(x):
    return math.exp(x)


@njit
def gamma_(x):
    return math.gamma(x)


@njit
def acos_(x):
    return math.acos(x)


@njit
def cos_(x):
    return math.cos(x)


@njit
def hypot_(x, y):
    return math.hypot(x, y)


@njit
def pow_(x, y):
    return math.pow(x, y)


# CASE: sqrt_(-1.0)
# CASE: sqrt_(-1)
# CASE: sqrt_(-0.0)
# CASE: sqrt_(np.inf)
# CASE: log_(0.0)
# CASE: log_(0)
# CASE: log_(-1.0)
# CASE: exp_(1000.0)
# CASE: exp_(-1000.0)
# CASE: gamma_(0.0)
# CASE: gamma_(-1.0)
# CASE: gamma_(200.0)
# CASE: acos_(2.0)
# CASE: cos_(np.inf)
# CASE: hypot_(np.inf, np.nan)
# CASE: pow_(-8.0, 1.0 / 3.0)
# CASE: pow_(0.0, -1.0)
# CASE: pow_(2, -1)
