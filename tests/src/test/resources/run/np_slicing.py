# Views by basic indexing, returned or used: 1-D slices with steps, negative steps, bounds past
# either end and empty results; rows, columns and sub-blocks of 2-D arrays, integer and slice
# mixes on 3-D arrays, Ellipsis, .T/.transpose(), reshape and ravel of contiguous arrays, writes
# through a view into its base, len/shape of views, and 1-D and 2-D stencils.
# Not here: a[None, :] and a[:, np.newaxis] (Numba 0.56 cannot type None in an index).
import numpy as np
from numba import njit


@njit
def inner(a):
    return a[1:-1]


@njit
def evens(a):
    return a[::2]


@njit
def reverse(a):
    return a[::-1]


@njit
def tail(a):
    return a[2:]


@njit
def head(a):
    return a[:3]


@njit
def stepped(a):
    return a[1:7:3]


@njit
def past_end(a):
    return a[5:100]


@njit
def before_start(a):
    return a[-100:2]


@njit
def empty_slice(a):
    return a[4:1]


@njit
def window(a, lo, hi, step):
    return a[lo:hi:step]


@njit
def column(a, j):
    return a[:, j]


@njit
def row(a, i):
    return a[i, :]


@njit
def row_int(a, i):
    return a[i]


@njit
def interior(a):
    return a[1:-1, 1:-1]


@njit
def every_other(a):
    return a[::2, ::-1]


@njit
def fiber(a):
    return a[0, :, 1]


@njit
def plane(a, k):
    return a[:, k, :]


@njit
def last_axis0(a):
    return a[..., 0]


@njit
def transposed(a):
    return a.T


@njit
def transpose_call(a):
    return a.transpose()


@njit
def to_3x4(a):
    return a.reshape(3, 4)


@njit
def to_2_rows(a):
    return a.reshape((2, -1))


@njit
def flat(a):
    return a.ravel()


@njit
def write_through(a):
    v = a[1:3]
    v[0] = 9
    return v


@njit
def write_column(a):
    c = a[:, 1]
    for i in range(c.shape[0]):
        c[i] = -c[i]


@njit
def write_transposed(a):
    t = a.T
    t[0, 1] = 100.0


@njit
def view_sizes(a):
    return len(a[2:]), a[1:].shape[0], a[::3].size


@njit
def view_shape_2d(a):
    return a[1:, ::2].shape


@njit
def sum_view(a):
    v = a[1::2]
    s = 0.0
    for i in range(v.shape[0]):
        s += v[i]
    return s


@njit
def sum_rows(a):
    out = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        r = a[i]
        for j in range(r.shape[0]):
            out[i] += r[j]
    return out


@njit
def smooth(a):
    out = np.zeros_like(a)
    out[1:-1] = (a[:-2] + a[2:]) * 0.5
    return out


@njit
def five_point(a):
    out = np.zeros_like(a)
    out[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])
    return out


@njit
def diff_view(a):
    return a[1:] - a[:-1]


# CASE: inner(np.arange(6.0))
# CASE: inner(np.arange(2.0))
# CASE: inner(np.arange(20, dtype=np.int32)[::3])
# CASE: evens(np.arange(7))
# CASE: evens(np.arange(20.0)[1::2])
# CASE: reverse(np.arange(5.0))
# CASE: reverse(np.arange(12, dtype=np.uint8)[::4])
# CASE: reverse(np.array([True, False, False]))
# CASE: tail(np.arange(6, dtype=np.float32))
# CASE: head(np.arange(6))
# CASE: head(np.arange(2.0))
# CASE: stepped(np.arange(10.0))
# CASE: stepped(np.arange(5))
# CASE: past_end(np.arange(8.0))
# CASE: past_end(np.arange(3.0))
# CASE: before_start(np.arange(8))
# CASE: empty_slice(np.arange(8.0))
# CASE: window(np.arange(10.0), 2, 8, 2)
# CASE: window(np.arange(10.0), 8, 2, -3)
# CASE: window(np.arange(10.0), -3, 100, 1)
# CASE: window(np.arange(10), -1, -11, -1)
# CASE: window(np.arange(10), 0, 10, 0)
# CASE: column(np.arange(12.0).reshape(3, 4), 1)
# CASE: column(np.arange(12.0).reshape(3, 4), -1)
# CASE: column(np.asfortranarray(np.arange(12).reshape(3, 4)), 2)
# CASE: column(np.arange(24.0).reshape(4, 6)[:, 1:5], 0)
# CASE: column(np.arange(12.0).reshape(3, 4), 4)
# CASE: row(np.arange(12.0).reshape(3, 4), 2)
# CASE: row(np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)), 0)
# CASE: row_int(np.arange(12.0).reshape(3, 4), 1)
# CASE: row_int(np.arange(24.0).reshape(2, 3, 4), -1)
# CASE: row_int(np.arange(12.0).reshape(3, 4), 3)
# CASE: interior(np.arange(20.0).reshape(4, 5))
# CASE: interior(np.asfortranarray(np.arange(16, dtype=np.int32).reshape(4, 4)))
# CASE: interior(np.ones((2, 3)))
# CASE: every_other(np.arange(20.0).reshape(5, 4))
# CASE: fiber(np.arange(24.0).reshape(2, 3, 4))
# CASE: fiber(np.asfortranarray(np.arange(24).reshape(2, 3, 4)))
# CASE: plane(np.arange(24.0).reshape(2, 3, 4), 1)
# CASE: last_axis0(np.arange(24.0).reshape(2, 3, 4))
# CASE: last_axis0(np.arange(6, dtype=np.float32).reshape(3, 2))
# CASE: transposed(np.arange(6.0).reshape(2, 3))
# CASE: transposed(np.asfortranarray(np.arange(6).reshape(2, 3)))
# CASE: transposed(np.arange(24.0).reshape(2, 3, 4))
# CASE: transposed(np.arange(5.0))
# CASE: transpose_call(np.arange(24.0).reshape(4, 6)[:, ::2])
# CASE: to_3x4(np.arange(12.0))
# CASE: to_3x4(np.arange(12, dtype=np.int32).reshape(2, 6))
# CASE: to_3x4(np.arange(10.0))
# CASE: to_2_rows(np.arange(8.0))
# CASE: to_2_rows(np.arange(12).reshape(2, 3, 2))
# CASE: flat(np.arange(6.0).reshape(2, 3))
# CASE: flat(np.arange(24, dtype=np.uint8).reshape(2, 3, 4))
# CASE: write_through(np.arange(5.0))
# CASE: write_through(np.arange(5, dtype=np.int32))
# CASE: write_column(np.arange(12.0).reshape(3, 4))
# CASE: write_column(np.asfortranarray(np.arange(6).reshape(2, 3)))
# CASE: write_transposed(np.zeros((3, 2)))
# CASE: view_sizes(np.arange(10.0))
# CASE: view_sizes(np.arange(1.0))
# CASE: view_shape_2d(np.arange(15.0).reshape(3, 5))
# CASE: sum_view(np.arange(10.0))
# CASE: sum_view(np.arange(24.0).reshape(4, 6)[1])
# CASE: sum_rows(np.arange(12.0).reshape(3, 4))
# CASE: sum_rows(np.asfortranarray(np.arange(12.0).reshape(4, 3)))
# CASE: smooth(np.array([0.0, 1.0, 4.0, 9.0, 16.0, 25.0]))
# CASE: smooth(np.arange(20.0)[::2])
# CASE: smooth(np.arange(2.0))
# CASE: five_point(np.arange(20.0).reshape(4, 5))
# CASE: five_point(np.asfortranarray((np.arange(25.0) ** 2).reshape(5, 5)))
# CASE: five_point(np.arange(36.0).reshape(6, 6)[::2, 1:])
# CASE: diff_view(np.array([1.0, 4.0, 9.0, 16.0]))
# CASE: diff_view(np.arange(10, dtype=np.int32)[::-2])
