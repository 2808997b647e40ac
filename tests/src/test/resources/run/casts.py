# Conversions: int(), float(), bool(), np.float32(), np.int32() and friends.
# Float -> int truncates toward zero; narrowing integer casts wrap; float -> unsigned of a
# negative value wraps. nan/inf/out-of-range float -> int is undefined behaviour in Numba
# (x86 gives INT_MIN): those cases are tagged `unspecified` (only the dtype is checked).
import numpy as np
from numba import njit


@njit
def to_int(x):
    return int(x)


@njit
def to_float(x):
    return float(x)


@njit
def to_bool(x):
    return bool(x)


@njit
def to_f32(x):
    return np.float32(x)


@njit
def to_i32(x):
    return np.int32(x)


@njit
def to_u8(x):
    return np.uint8(x)


@njit
def to_i8(x):
    return np.int8(x)


@njit
def to_u64(x):
    return np.uint64(x)


@njit
def to_i64_f64(x):
    return np.int64(x), np.float64(x)


@njit
def roundtrip(x):
    # float64 -> float32 -> float64 loses precision
    return float(np.float32(x))


# CASE: to_int(2.9)
# CASE: to_int(-2.9)
# CASE: to_int(True)
# CASE: to_int(np.float32(3000000000.0))
# CASE: to_int(9.2e18)
# CASE: to_int(np.nan)  # unspecified
# CASE: to_int(np.inf)  # unspecified
# CASE: to_float(7)
# CASE: to_float(9007199254740993)
# CASE: to_float(np.float32(0.1))
# CASE: to_bool(2)
# CASE: to_bool(0)
# CASE: to_bool(np.nan)
# CASE: to_bool(-0.0)
# CASE: to_f32(16777217)
# CASE: to_f32(1e40)
# CASE: to_f32(0.1)
# CASE: to_f32(True)
# CASE: to_i32(-2.7)
# CASE: to_i32(2147483648)
# CASE: to_i32(np.uint64(5))
# CASE: to_i32(np.nan)  # unspecified
# CASE: to_i32(1e10)  # unspecified
# CASE: to_u8(-1)
# CASE: to_u8(256)
# CASE: to_u8(-1.0)
# CASE: to_u8(300.0)
# CASE: to_u8(255.9)
# CASE: to_i8(200)
# CASE: to_i8(200.7)
# CASE: to_u64(-1.0)
# CASE: to_u64(1.8e19)
# CASE: to_i64_f64(np.uint64(18446744073709551615))
# CASE: to_i64_f64(-5)
# CASE: roundtrip(0.1)
