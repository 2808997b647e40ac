# GPU corpus: the kernel API one feature at a time. threadIdx/blockIdx/blockDim/gridDim .x .y .z of
# every thread of 1-D, 2-D and 3-D launches; cuda.grid(2), cuda.grid(3), cuda.gridsize(2) and
# cuda.gridsize(3), also in a 2-D grid-stride loop; cuda.local.array scratch space (float64 and
# int64); @cuda.jit(device=True) functions taking scalars and returning a value, calling each other,
# taking an array, and storing into one; math.sqrt/exp/sin/pow (4 ulp: the device's libm is not
# CPython's) and math.floor/pow/sqrt where the result is exact; integer // and % with negative
# operands (floor division, the remainder has the divisor's sign) on int64 and int32 arrays and a
# scalar divisor, and float // and %; a.shape[0], a.size and len(a) of 1-D, 2-D and 3-D arrays.
# Out of bounds: unguarded kernels whose last thread indexes one past the end; the simulator raises
# IndexError naming that thread (exactly one thread fails, so the message is deterministic).
import math

import numpy as np
from numba import cuda, float64, int64

LOCAL_N = 4


@cuda.jit
def ids(out):
    tpb = cuda.blockDim.x * cuda.blockDim.y * cuda.blockDim.z
    block = cuda.blockIdx.x + cuda.gridDim.x * (cuda.blockIdx.y + cuda.gridDim.y * cuda.blockIdx.z)
    thread = cuda.threadIdx.x + cuda.blockDim.x * (cuda.threadIdx.y + cuda.blockDim.y * cuda.threadIdx.z)
    g = block * tpb + thread
    out[g, 0] = cuda.threadIdx.x
    out[g, 1] = cuda.threadIdx.y
    out[g, 2] = cuda.threadIdx.z
    out[g, 3] = cuda.blockIdx.x
    out[g, 4] = cuda.blockIdx.y
    out[g, 5] = cuda.blockIdx.z
    out[g, 6] = cuda.blockDim.x
    out[g, 7] = cuda.blockDim.y
    out[g, 8] = cuda.blockDim.z
    out[g, 9] = cuda.gridDim.x
    out[g, 10] = cuda.gridDim.y
    out[g, 11] = cuda.gridDim.z


def ref_ids(out, *, grid, block):
    gx, gy, gz = tuple(grid) + (1,) * (3 - len(grid))
    bx, by, bz = tuple(block) + (1,) * (3 - len(block))
    rows = [(tx, ty, tz, kx, ky, kz, bx, by, bz, gx, gy, gz)
            for kz, ky, kx in np.ndindex(gz, gy, gx)
            for tz, ty, tx in np.ndindex(bz, by, bx)]
    out[:len(rows)] = rows


# CASE: ids[3, 16](np.full((48, 12), -1))
# CASE: ids[1, 1](np.full((1, 12), -1))
# CASE: ids[(2, 3), (4, 2)](np.full((48, 12), -1))
# CASE: ids[(2, 1, 2), (2, 3, 2)](np.full((48, 12), -1))
# CASE: ids[(1, 2, 3), (3, 1, 2)](np.full((40, 12), -1, dtype=np.int32))
# CASE: ids[5, (2, 2, 2)](np.full((80, 12), -1))


@cuda.jit
def grid2(out, sizes):
    x, y = cuda.grid(2)
    if x < out.shape[0] and y < out.shape[1]:
        out[x, y] = x * 100 + y
    if x == 0 and y == 0:
        gx, gy = cuda.gridsize(2)
        sizes[0] = gx
        sizes[1] = gy


def ref_grid2(out, sizes, *, grid, block):
    nx = min(out.shape[0], grid[0] * block[0])
    ny = min(out.shape[1], grid[1] * block[1])
    out[:nx, :ny] = np.arange(nx)[:, None] * 100 + np.arange(ny)
    sizes[:2] = [grid[0] * block[0], grid[1] * block[1]]


# CASE: grid2[(2, 2), (4, 4)](np.zeros((8, 8), dtype=np.int64), np.zeros(2, dtype=np.int64))
# CASE: grid2[(3, 2), (4, 8)](np.zeros((10, 13), dtype=np.int64), np.zeros(2, dtype=np.int64))
# CASE: grid2[(1, 1), (4, 4)](np.full((6, 6), -1, dtype=np.int32), np.zeros(3, dtype=np.int32))
# CASE: grid2[(4, 1), (2, 16)](np.zeros((5, 3)), np.zeros(2))


@cuda.jit
def scale2(a, factor):
    x0, y0 = cuda.grid(2)
    sx, sy = cuda.gridsize(2)
    for x in range(x0, a.shape[0], sx):
        for y in range(y0, a.shape[1], sy):
            a[x, y] *= factor


def ref_scale2(a, factor):
    a *= factor


# CASE: scale2[(2, 2), (4, 4)](np.arange(300.0).reshape(20, 15), 0.5)
# CASE: scale2[(1, 1), (1, 1)](np.arange(12.0).reshape(3, 4), -3.0)
# CASE: scale2[(4, 4), (8, 8)](np.arange(35).reshape(5, 7), 3)


@cuda.jit
def grid3(out, sizes):
    x, y, z = cuda.grid(3)
    if x < out.shape[0] and y < out.shape[1] and z < out.shape[2]:
        out[x, y, z] = x * 100 + y * 10 + z
    if x == 0 and y == 0 and z == 0:
        gx, gy, gz = cuda.gridsize(3)
        sizes[0] = gx
        sizes[1] = gy
        sizes[2] = gz


def ref_grid3(out, sizes, *, grid, block):
    n = [min(out.shape[d], grid[d] * block[d]) for d in range(3)]
    x, y, z = np.indices(n)
    out[:n[0], :n[1], :n[2]] = x * 100 + y * 10 + z
    sizes[:3] = [grid[d] * block[d] for d in range(3)]


# CASE: grid3[(2, 2, 2), (2, 2, 2)](np.zeros((4, 4, 4), dtype=np.int64), np.zeros(3, dtype=np.int64))
# CASE: grid3[(2, 1, 3), (4, 5, 2)](np.full((7, 4, 5), -1, dtype=np.int64), np.zeros(3, dtype=np.int64))
# CASE: grid3[(1, 1, 1), (8, 4, 2)](np.zeros((3, 3, 3)), np.zeros(3))


@cuda.jit
def row_prefix(a, out):
    i = cuda.grid(1)
    if i < a.shape[0]:
        tmp = cuda.local.array(LOCAL_N, dtype=float64)
        acc = 0.0
        for k in range(LOCAL_N):
            acc += a[i, k]
            tmp[k] = acc
        for k in range(LOCAL_N):
            out[i, k] = tmp[LOCAL_N - 1 - k]


def ref_row_prefix(a, out):
    out[:, :] = np.cumsum(a[:, :4], axis=1)[:, ::-1]


# CASE: row_prefix[2, 8](np.arange(40.0).reshape(10, 4), np.zeros((10, 4)))
# CASE: row_prefix[1, 32](np.arange(30.0).reshape(5, 6) * 0.5 - 7.0, np.zeros((5, 4)))
# CASE: row_prefix[3, 1](np.ones((3, 4)), np.zeros((3, 4)))


@cuda.jit
def reverse_digits(x, out):
    i = cuda.grid(1)
    if i < x.size:
        digits = cuda.local.array(20, dtype=int64)
        v = x[i]
        n = 0
        while v > 0:
            digits[n] = v % 10
            v //= 10
            n += 1
        r = 0
        for k in range(n):
            r = r * 10 + digits[k]
        out[i] = r


def ref_reverse_digits(x, out):
    out[:] = [int(str(v)[::-1]) for v in x]


# CASE: reverse_digits[2, 16](np.arange(0, 3000, 97), np.full(31, -1))
# CASE: reverse_digits[1, 8](np.array([1, 10, 1200, 987654321, 1000000000000000000]), np.zeros(5, dtype=np.int64))
# CASE: reverse_digits[1, 4](np.array([5, 44, 123], dtype=np.int32), np.zeros(3, dtype=np.int32))


@cuda.jit(device=True)
def clamp(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


@cuda.jit(device=True)
def lerp(a, b, t):
    return a + (b - a) * t


@cuda.jit(device=True)
def smooth(a, b, t):
    return lerp(a, b, clamp(t, 0.0, 1.0))


@cuda.jit
def clamp_lerp(x, lo, hi, out):
    i = cuda.grid(1)
    if i < x.size:
        out[i] = smooth(lo, hi, x[i])


def ref_clamp_lerp(x, lo, hi, out):
    out[:] = lo + (hi - lo) * np.clip(x, 0.0, 1.0)


# CASE: clamp_lerp[2, 16](np.arange(24.0) * 0.125 - 1.0, 10.0, 18.0, np.zeros(24))
# CASE: clamp_lerp[1, 8](np.array([-5.0, 0.0, 0.25, 0.5, 1.0, 7.0]), -4.0, 4.0, np.zeros(6))


@cuda.jit
def clamp_ints(x, lo, hi, out):
    i = cuda.grid(1)
    if i < x.size:
        out[i] = clamp(x[i], lo, hi)


def ref_clamp_ints(x, lo, hi, out):
    out[:] = np.clip(x, lo, hi)


# CASE: clamp_ints[2, 32](np.arange(-30, 30), -10, 20, np.zeros(60, dtype=np.int64))
# CASE: clamp_ints[1, 16](np.arange(10) * 5, 12, 12, np.zeros(10, dtype=np.int64))


@cuda.jit(device=True)
def row_sum(a, r):
    s = 0.0
    for k in range(a.shape[1]):
        s += a[r, k]
    return s


@cuda.jit(device=True)
def store_square(out, i, v):
    out[i] = v * v


@cuda.jit
def row_stats(a, sums, squares):
    i = cuda.grid(1)
    if i < a.shape[0]:
        s = row_sum(a, i)
        sums[i] = s
        store_square(squares, i, s)


def ref_row_stats(a, sums, squares):
    sums[:] = a.sum(axis=1)
    squares[:] = sums * sums


# CASE: row_stats[2, 8](np.arange(60.0).reshape(12, 5), np.zeros(12), np.zeros(12))
# CASE: row_stats[1, 4](np.arange(6.0).reshape(3, 2) - 2.5, np.zeros(3), np.zeros(3))
# CASE: row_stats[4, 4](np.ones((13, 1)), np.zeros(13), np.zeros(13))


@cuda.jit
def math_funcs(x, out):
    i = cuda.grid(1)
    if i < x.size:
        v = x[i]
        out[i, 0] = math.sqrt(abs(v))
        out[i, 1] = math.exp(v)
        out[i, 2] = math.sin(v)
        out[i, 3] = math.pow(abs(v), 1.5)


def ref_math_funcs(x, out):
    out[:, 0] = np.sqrt(np.abs(x))
    out[:, 1] = np.exp(x)
    out[:, 2] = np.sin(x)
    out[:, 3] = np.abs(x) ** 1.5


# CASE: math_funcs[2, 16](np.linspace(-3.0, 3.0, 25), np.zeros((25, 4)))  # ulp=4
# CASE: math_funcs[1, 8](np.array([0.0, 1e-300, 0.1, 2.0, 100.0, -700.0]), np.zeros((6, 4)))  # ulp=4


@cuda.jit
def math_exact(x, out):
    i = cuda.grid(1)
    if i < x.size:
        v = x[i]
        out[i, 0] = math.floor(v)
        out[i, 1] = math.pow(v, 2.0)
        out[i, 2] = math.pow(2.0, math.floor(v))
        out[i, 3] = math.sqrt(v * v)


def ref_math_exact(x, out):
    out[:, 0] = np.floor(x)
    out[:, 1] = x ** 2
    out[:, 2] = 2.0 ** np.floor(x)
    out[:, 3] = np.abs(x)


# CASE: math_exact[2, 16](np.arange(20.0) * 0.75 - 7.5, np.zeros((20, 4)))
# CASE: math_exact[1, 8](np.array([-0.5, 0.0, 0.5, 3.0, -3.0, 10.25]), np.zeros((6, 4)))


@cuda.jit
def divmod_arrays(a, b, q, r):
    i = cuda.grid(1)
    if i < a.size:
        q[i] = a[i] // b[i]
        r[i] = a[i] % b[i]


def ref_divmod_arrays(a, b, q, r):
    q[:] = a // b
    r[:] = a % b


# CASE: divmod_arrays[2, 32](np.arange(-30, 30), np.where(np.arange(60) % 2 == 0, 7, -7), np.zeros(60, dtype=np.int64), np.zeros(60, dtype=np.int64))
# CASE: divmod_arrays[1, 16](np.array([-7, 7, -7, 7, 0, -1, 1, -9223372036854775807], dtype=np.int64), np.array([2, -2, -2, 2, -3, 3, -3, 2], dtype=np.int64), np.zeros(8, dtype=np.int64), np.zeros(8, dtype=np.int64))
# CASE: divmod_arrays[2, 16](np.arange(-12, 12, dtype=np.int32), np.full(24, -5, dtype=np.int32), np.zeros(24, dtype=np.int32), np.zeros(24, dtype=np.int32))
# CASE: divmod_arrays[1, 16](np.array([7.5, -7.5, 7.5, -7.5, 0.25, -0.25, 6.0, -6.0]), np.array([2.0, 2.0, -2.0, -2.0, 1.0, 1.0, -3.0, 3.0]), np.zeros(8), np.zeros(8))  # note=float % keeps the divisor's sign, also on a zero result: 6.0 % -3.0 is -0.0
# CASE: divmod_arrays[2, 16](np.arange(20.0) - 9.5, np.full(20, 2.5), np.zeros(20), np.zeros(20))


@cuda.jit
def divmod_scalar(a, d, out):
    i = cuda.grid(1)
    if i < a.size:
        out[i, 0] = a[i] // d
        out[i, 1] = a[i] % d


def ref_divmod_scalar(a, d, out):
    out[:, 0] = a // d
    out[:, 1] = a % d


# CASE: divmod_scalar[1, 32](np.arange(-10, 11), 3, np.zeros((21, 2), dtype=np.int64))
# CASE: divmod_scalar[1, 32](np.arange(-10, 11), -4, np.zeros((21, 2), dtype=np.int64))
# CASE: divmod_scalar[3, 8](np.arange(-11, 11, dtype=np.int32), 6, np.zeros((22, 2), dtype=np.int32))


@cuda.jit
def shape_info(a, b, c, out):
    if cuda.grid(1) == 0:
        out[0] = a.shape[0]
        out[1] = a.size
        out[2] = len(a)
        out[3] = b.shape[0]
        out[4] = b.shape[1]
        out[5] = b.size
        out[6] = len(b)
        out[7] = c.shape[2]
        out[8] = c.size
        out[9] = len(c)


def ref_shape_info(a, b, c, out):
    out[:10] = [a.shape[0], a.size, len(a), b.shape[0], b.shape[1], b.size, len(b),
                c.shape[2], c.size, len(c)]


# CASE: shape_info[1, 4](np.zeros(7), np.zeros((3, 5)), np.zeros((2, 3, 4)), np.zeros(10, dtype=np.int64))
# CASE: shape_info[2, 8](np.zeros(1, dtype=np.int32), np.zeros((6, 1)), np.zeros((1, 1, 9)), np.full(12, -1, dtype=np.int64))
# CASE: shape_info[1, 1](np.arange(100.0), np.zeros((10, 10), dtype=np.float32), np.zeros((5, 4, 3)), np.zeros(10))


@cuda.jit
def unguarded(out):
    i = cuda.grid(1)
    out[i] = i


# CASE: unguarded[2, 8](np.zeros(15))
# CASE: unguarded[1, 5](np.zeros(4, dtype=np.int32))
# CASE: unguarded[(2, 1), (4, 1)](np.zeros(7, dtype=np.int64))


@cuda.jit
def diag_unguarded(m):
    i = cuda.grid(1)
    m[i, i] = 1.0


# CASE: diag_unguarded[1, 5](np.zeros((4, 4)))
# CASE: diag_unguarded[1, 4](np.zeros((4, 3)))


@cuda.jit
def read_next(x, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = x[i + 1]


# CASE: read_next[1, 8](np.arange(8.0), np.zeros(8))
# CASE: read_next[4, 4](np.arange(14.0), np.zeros(14))
