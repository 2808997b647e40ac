# @jit(nopython=True) and @jit(nopython=True, cache=False) behave like @njit.
import numpy as np
from numba import jit


@jit(nopython=True)
def poly(x):
    return 3 * x * x - 2 * x + 1


@jit(nopython=True, cache=False)
def apply_poly(a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = poly(a[i])
    return out


# CASE: poly(2)
# CASE: poly(0.5)
# CASE: apply_poly(np.arange(5.0))
