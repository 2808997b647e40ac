# GPU corpus: rows of arrays. a[i][j] indexing through a row, a row bound to a variable
# (row = a[i]) read and written, rows of rows of a 3-D array, and a row index out of bounds,
# which raises IndexError with the row's index, axis and extent.
import numpy as np
from numba import cuda


@cuda.jit
def row_sums(a, out):
    i = cuda.grid(1)
    if i < a.shape[0]:
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i][j]
        out[i] = s


def ref_row_sums(a, out):
    out[:] = a.sum(axis=1)


# CASE: row_sums[1, 8](np.arange(12.0).reshape(3, 4), np.zeros(3))
# CASE: row_sums[2, 4](np.arange(35.0).reshape(7, 5) - 10.0, np.zeros(7))


@cuda.jit
def scale_rows(a, k):
    i = cuda.grid(1)
    if i < a.shape[0]:
        row = a[i]
        for j in range(row.shape[0]):
            row[j] = row[j] * k + i


def ref_scale_rows(a, k):
    a *= k
    a += np.arange(a.shape[0]).reshape(-1, 1)


# CASE: scale_rows[1, 8](np.arange(12.0).reshape(3, 4), 2.0)
# CASE: scale_rows[2, 4](np.ones((6, 2), dtype=np.int64), 3)


@cuda.jit
def plane_trace(t, out):
    k = cuda.grid(1)
    if k < t.shape[0]:
        plane = t[k]
        s = 0
        for i in range(min(plane.shape[0], plane.shape[1])):
            s += plane[i, i] + t[k][i][0]
        out[k] = s


def ref_plane_trace(t, out):
    for k in range(t.shape[0]):
        n = min(t.shape[1], t.shape[2])
        out[k] = sum(t[k, i, i] + t[k, i, 0] for i in range(n))


# CASE: plane_trace[1, 4](np.arange(24).reshape(2, 3, 4), np.zeros(2, dtype=np.int64))
# CASE: plane_trace[1, 8](np.arange(60).reshape(5, 4, 3) % 7, np.zeros(5, dtype=np.int64))


@cuda.jit
def shifted_row(a, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = a[i + 2][0]


# CASE: shifted_row[1, 4](np.arange(8.0).reshape(4, 2), np.zeros(3))
