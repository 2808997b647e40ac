# Copies and conversions: a.copy() and np.copy(a) never alias their source (the copy is changed
# and both are returned), copies of Fortran and strided inputs (a.copy() is C-contiguous, np.copy
# keeps Fortran order), astype to float32/float64/int32/uint8/bool (float to int truncates toward
# zero, int to uint8 wraps), and np.empty_like filled from an expression or a loop.
import numpy as np
from numba import njit


@njit
def copy_method(a):
    return a.copy()


@njit
def copy_func(a):
    return np.copy(a)


@njit
def copy_then_change(a):
    c = a.copy()
    c[0] = 99
    return a, c


@njit
def np_copy_then_change(a):
    c = np.copy(a)
    c[...] = 0
    return a, c


@njit
def change_then_copy(a):
    c = a.copy()
    a[0] = -1
    return c


@njit
def copy_view(a):
    return a[::2].copy()


@njit
def to_f32(a):
    return a.astype(np.float32)


@njit
def to_f64(a):
    return a.astype(np.float64)


@njit
def to_i32(a):
    return a.astype(np.int32)


@njit
def to_u8(a):
    return a.astype(np.uint8)


@njit
def to_bool(a):
    return a.astype(np.bool_)


@njit
def round_trip(a):
    return a.astype(np.float32).astype(np.float64)


@njit
def astype_then_change(a):
    b = a.astype(np.float64)
    b[0] = 0.5
    return a, b


@njit
def doubled_like(a):
    out = np.empty_like(a)
    out[...] = a * 2
    return out


@njit
def squares_like(a):
    out = np.empty_like(a)
    flat_in = a.ravel()
    flat_out = out.ravel()
    for i in range(flat_in.shape[0]):
        flat_out[i] = flat_in[i] * flat_in[i]
    return out


@njit
def prefix_like(a):
    out = np.empty_like(a)
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s
    return out


# CASE: copy_method(np.arange(5.0))
# CASE: copy_method(np.arange(12, dtype=np.int32).reshape(3, 4))
# CASE: copy_method(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# CASE: copy_method(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: copy_method(np.arange(24, dtype=np.uint8).reshape(2, 3, 4)[:, ::-1, 1:3])
# CASE: copy_method(np.array([True, False, True]))
# CASE: copy_method(np.zeros(0))
# CASE: copy_func(np.arange(20.0)[::2])
# CASE: copy_func(np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4)))
# CASE: copy_then_change(np.arange(4.0))
# CASE: copy_then_change(np.arange(6, dtype=np.int32).reshape(2, 3))
# CASE: copy_then_change(np.arange(10.0)[::-3])
# CASE: np_copy_then_change(np.arange(4.0))
# CASE: np_copy_then_change(np.asfortranarray(np.ones((2, 2), dtype=np.int64)))
# CASE: change_then_copy(np.arange(4.0))
# CASE: copy_view(np.arange(7))
# CASE: to_f32(np.array([0.1, 1.5, -2.25, 1e40, np.nan]))
# CASE: to_f32(np.arange(6).reshape(2, 3))
# CASE: to_f32(np.array([16777217, -3], dtype=np.int64))
# CASE: to_f64(np.arange(5, dtype=np.int32))
# CASE: to_f64(np.array([0.1, -2.5], dtype=np.float32))
# CASE: to_f64(np.array([True, False]))
# CASE: to_i32(np.array([1.9, -1.9, 2.5, -2.5, 0.0, 100.7]))
# CASE: to_i32(np.asfortranarray(np.array([[0.5, -7.9], [3.999, -0.001]])))
# CASE: to_i32(np.arange(10, dtype=np.int64)[::3] * 1000)
# CASE: to_i32(np.array([2.75, -1.25], dtype=np.float32))
# CASE: to_u8(np.array([0, 1, 255, 256, 300, -1]))
# CASE: to_u8(np.array([0.0, 1.9, 200.5, 255.0]))
# CASE: to_u8(np.arange(24, dtype=np.int32).reshape(2, 3, 4) * 20)
# CASE: to_bool(np.array([0.0, -0.0, 0.5, np.nan, -3.0]))
# CASE: to_bool(np.arange(-2, 3, dtype=np.int32))
# CASE: round_trip(np.array([0.1, 1.0 / 3.0, 2.0, -1e-5]))
# CASE: astype_then_change(np.arange(3, dtype=np.int32))
# CASE: astype_then_change(np.arange(3.0))
# CASE: doubled_like(np.arange(5.0))
# CASE: doubled_like(np.arange(6, dtype=np.int32).reshape(2, 3))
# CASE: doubled_like(np.asfortranarray(np.arange(6.0).reshape(3, 2)))
# CASE: doubled_like(np.arange(24.0).reshape(4, 6)[:, 1:5])
# CASE: squares_like(np.arange(6.0).reshape(2, 3))
# CASE: squares_like(np.arange(24, dtype=np.int32).reshape(2, 3, 4))
# CASE: prefix_like(np.array([3, 1, 4, 1, 5], dtype=np.int32))
# CASE: prefix_like(np.array([0.5, 0.25, 2.0]))
