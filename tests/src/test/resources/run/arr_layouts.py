# The same kernels over C-order, Fortran-order and non-contiguous views must give the same
# logical results; the results do not depend on memory order.
import numpy as np
from numba import njit


@njit
def colsum(a):
    out = np.zeros(a.shape[1])
    for j in range(a.shape[1]):
        for i in range(a.shape[0]):
            out[j] += a[i, j]
    return out


@njit
def checksum(a):
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s = (s * 31 + a[i, j]) % 1000003
    return s


@njit
def copy_into(dst, src):
    for i in range(src.shape[0]):
        for j in range(src.shape[1]):
            dst[i, j] = src[i, j]


# CASE: colsum(np.arange(12.0).reshape(3, 4))
# CASE: colsum(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# CASE: colsum(np.arange(40.0).reshape(5, 8)[1:4, ::2])
# CASE: colsum(np.arange(12.0).reshape(4, 3).T)
# CASE: checksum(np.arange(30).reshape(5, 6))
# CASE: checksum(np.asfortranarray(np.arange(30).reshape(5, 6)))
# CASE: checksum(np.arange(60).reshape(10, 6)[::2, :])
# CASE: copy_into(np.zeros((2, 3)), np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# CASE: copy_into(np.asfortranarray(np.zeros((2, 3))), np.arange(6.0).reshape(2, 3))
