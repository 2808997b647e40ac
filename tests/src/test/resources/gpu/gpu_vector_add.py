# GPU corpus: 1-D element-wise kernels. Vector add on float64, float32, int32 and int64 with
# cuda.grid(1) and with the explicit threadIdx.x + blockIdx.x * blockDim.x; a grid-stride loop with
# cuda.gridsize(1); saxpy with a scalar argument (float64, float32, int64), out of place and in place.
# Edge cases: sizes that are not a multiple of the block, grids larger than the data (`if i < n`
# guards), one thread per block, fewer threads than elements (the stride loop). Values are chosen so
# that every product and sum is exact: a fused multiply-add on the device gives the same bits.
import numpy as np
from numba import cuda


@cuda.jit
def vadd(x, y, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = x[i] + y[i]


def ref_vadd(x, y, out):
    out[:] = x + y


# CASE: vadd[1, 32](np.arange(32.0), np.ones(32), np.zeros(32))
# CASE: vadd[4, 32](np.arange(100.0), np.arange(100.0) * 0.5, np.zeros(100))
# CASE: vadd[3, 64](np.linspace(-1.0, 1.0, 129), np.full(129, 0.25), np.zeros(129))
# CASE: vadd[2, 16](np.arange(20, dtype=np.float32) * np.float32(0.75), np.ones(20, dtype=np.float32), np.zeros(20, dtype=np.float32))
# CASE: vadd[2, 32](np.arange(-30, 33, dtype=np.int32), np.arange(63, dtype=np.int32) * 7, np.zeros(63, dtype=np.int32))
# CASE: vadd[8, 8](np.arange(50) * 1000000007, np.arange(50) - 25, np.zeros(50, dtype=np.int64))
# CASE: vadd[5, 1](np.arange(5.0), np.arange(5.0), np.zeros(5))
# CASE: vadd[1, 1](np.array([2.5]), np.array([-2.5]), np.array([9.0]))


@cuda.jit
def vadd_explicit(x, y, out):
    i = cuda.threadIdx.x + cuda.blockIdx.x * cuda.blockDim.x
    if i < out.shape[0]:
        out[i] = x[i] + y[i]


def ref_vadd_explicit(x, y, out):
    out[:] = x + y


# CASE: vadd_explicit[4, 32](np.arange(100.0), np.arange(100.0)[::-1] * 2.0, np.zeros(100))
# CASE: vadd_explicit[1, 128](np.arange(37, dtype=np.float32), np.full(37, 0.5, dtype=np.float32), np.zeros(37, dtype=np.float32))
# CASE: vadd_explicit[3, 16](np.arange(40, dtype=np.int32) - 20, np.full(40, 3, dtype=np.int32), np.zeros(40, dtype=np.int32))
# CASE: vadd_explicit[7, 8](np.arange(50), np.arange(50) * -3, np.zeros(50, dtype=np.int64))


@cuda.jit
def vadd_stride(x, y, out):
    start = cuda.grid(1)
    stride = cuda.gridsize(1)
    for i in range(start, out.shape[0], stride):
        out[i] = x[i] + y[i]


def ref_vadd_stride(x, y, out):
    out[:] = x + y


# CASE: vadd_stride[2, 16](np.arange(100.0), np.ones(100), np.zeros(100))
# CASE: vadd_stride[1, 1](np.arange(10.0), np.arange(10.0), np.zeros(10))
# CASE: vadd_stride[3, 7](np.arange(64, dtype=np.int64), np.arange(64, dtype=np.int64) * 11, np.zeros(64, dtype=np.int64))
# CASE: vadd_stride[4, 64](np.arange(1000.0) * 0.125, np.arange(1000.0), np.zeros(1000))
# CASE: vadd_stride[4, 32](np.arange(10, dtype=np.float32), np.ones(10, dtype=np.float32), np.zeros(10, dtype=np.float32))


@cuda.jit
def saxpy(a, x, y, out):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = a * x[i] + y[i]


def ref_saxpy(a, x, y, out):
    out[:] = a * x + y


# CASE: saxpy[2, 32](2.5, np.arange(50.0), np.ones(50), np.zeros(50))
# CASE: saxpy[1, 64](-0.5, np.arange(64.0) - 32.0, np.arange(64.0), np.zeros(64))
# CASE: saxpy[3, 16](np.float32(1.5), np.arange(33, dtype=np.float32), np.full(33, -1.0, dtype=np.float32), np.zeros(33, dtype=np.float32))
# CASE: saxpy[2, 16](3, np.arange(20), np.arange(20) - 10, np.zeros(20, dtype=np.int64))
# CASE: saxpy[4, 16](0.0, np.arange(10.0), np.full(10, 7.0), np.zeros(10))


@cuda.jit
def saxpy_inplace(a, x, y):
    i = cuda.grid(1)
    if i < y.size:
        y[i] = a * x[i] + y[i]


def ref_saxpy_inplace(a, x, y):
    y[:] = a * x + y


# CASE: saxpy_inplace[2, 32](0.25, np.arange(40.0), np.full(40, 100.0))
# CASE: saxpy_inplace[1, 8](-2.0, np.ones(8), np.arange(8.0))
# CASE: saxpy_inplace[3, 32](4, np.arange(70, dtype=np.int64), np.arange(70, dtype=np.int64))
