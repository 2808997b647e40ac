# @guvectorize kernels called with their inputs: outputs allocated from the layout, loops over the
# broadcast outer dimensions, 1-D and 2-D cores, scalar cores in and out, several loops chosen by
# the inputs' dtypes, several outputs, target='parallel', and a core-size mismatch (ValueError).
import numpy as np
from numba import guvectorize


@guvectorize(["void(float64[:], float64, float64[:])", "void(int64[:], int64, int64[:])"], "(n),()->(n)")
def scale(a, s, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * s


@guvectorize(["void(float64[:,:], float64[:,:], float64[:,:])"], "(m,n),(n,p)->(m,p)")
def matmul(a, b, out):
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            out[i, j] = s


@guvectorize(["void(float64[:], float64[:])", "void(float32[:], float32[:])"], "(n)->()")
def total(a, out):
    s = 0.0
    for x in a:
        s += x
    out[0] = s


@guvectorize(["void(float64[:], float64[:], float64[:])"], "(n)->(),()")
def min_max(a, lo, hi):
    lo[0] = a[0]
    hi[0] = a[0]
    for x in a:
        if x < lo[0]:
            lo[0] = x
        if x > hi[0]:
            hi[0] = x


@guvectorize(["void(float64[:], float64[:], float64[:])"], "(n),(n)->(n)", target="parallel")
def blend(a, b, out):
    for i in range(a.shape[0]):
        out[i] = 0.25 * a[i] + 0.75 * b[i]


# CASE: scale(np.arange(6.0).reshape(2, 3), 2.0)
# CASE: scale(np.arange(3.0), np.array([1.0, 2.0]).reshape(2, 1))
# CASE: scale(np.arange(4), 3)
# CASE: scale(np.arange(4, dtype=np.int32), 3)
# CASE: scale(np.arange(12.0).reshape(3, 4)[:, ::2], -1.0)
# CASE: matmul(np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))
# CASE: matmul(np.ones((2, 2, 3)), np.arange(12.0).reshape(3, 4))
# CASE: matmul(np.arange(6.0).reshape(2, 3), np.ones((4, 4)))
# CASE: total(np.arange(6.0).reshape(2, 3))
# CASE: total(np.arange(5.0))
# CASE: total(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
# CASE: min_max(np.array([[3.0, -1.0, 2.0], [0.5, 7.0, 7.5]]))
# CASE: blend(np.arange(8.0).reshape(2, 4), np.ones(4))
# CASE: blend(np.arange(3.0), np.arange(3.0) * 2.0)
