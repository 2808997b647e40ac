# math module functions on float64 (and int arguments, converted to float64).
# Transcendental results may differ from Numba's libm by a few ulp (vector math libraries):
# the default tolerance for this file is 4 ulp.
# ULP: 4
import math
from numba import njit


@njit
def basic(x):
    return math.sqrt(x), math.exp(x), math.log(x), math.log10(x)


@njit
def trig(x):
    return math.sin(x), math.cos(x), math.tan(x)


@njit
def inverse_trig(x):
    return math.asin(x), math.acos(x), math.atan(x)


@njit
def hyperbolic(x):
    return math.sinh(x), math.cosh(x), math.tanh(x)


@njit
def two_arg(y, x):
    return math.atan2(y, x), math.hypot(y, x), math.pow(y, x), math.copysign(y, x)


@njit
def special(x):
    return math.erf(x), math.erfc(x), math.gamma(x), math.lgamma(x)


@njit
def log_exp_1p(x):
    return math.log1p(x), math.expm1(x)


@njit
def rounding(x):
    # floor/ceil/trunc return int64
    return math.floor(x), math.ceil(x), math.trunc(x), math.fabs(x)


@njit
def predicates(x):
    return math.isnan(x), math.isinf(x), math.isfinite(x)


@njit
def angles(x):
    return math.degrees(x), math.radians(x)


@njit
def int_arg(n):
    return math.sqrt(n) + math.exp(n % 3)


# CASE: basic(2.5)
# CASE: basic(100.0)
# CASE: basic(3)
# CASE: trig(0.5)
# CASE: trig(-3.0)
# CASE: trig(100.0)
# CASE: inverse_trig(0.5)
# CASE: inverse_trig(-1.0)
# CASE: hyperbolic(0.75)
# CASE: two_arg(1.0, -1.0)
# CASE: two_arg(0.0, -0.0)
# CASE: two_arg(3.0, 4.0)
# CASE: two_arg(2.0, 0.5)
# CASE: special(2.5)
# CASE: special(-0.5)
# CASE: special(5)
# CASE: log_exp_1p(1e-10)
# CASE: log_exp_1p(0.5)
# CASE: rounding(2.5)
# CASE: rounding(-2.5)
# CASE: rounding(-0.0)
# CASE: rounding(7)
# CASE: predicates(1.0)
# CASE: predicates(np.nan)
# CASE: predicates(-np.inf)
# CASE: predicates(5)
# CASE: angles(1.0)
# CASE: int_arg(10)
