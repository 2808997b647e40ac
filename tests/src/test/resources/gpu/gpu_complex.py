# GPU corpus: complex numbers in kernels. The Mandelbrot escape count (complex(x, y), z * z + c,
# abs(z) in a device function), complex128 and complex64 arrays read and written (products,
# quotients, conjugates, .real/.imag, equality), complex values built from real arguments, and
# powers (integral ones exact, as CPython's) with cmath functions.
import cmath
import numpy as np
from numba import cuda


@cuda.jit(device=True)
def escape(c, limit):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return limit


@cuda.jit
def mandel(xs, ys, out, limit):
    i, j = cuda.grid(2)
    if i < out.shape[0] and j < out.shape[1]:
        out[i, j] = escape(complex(xs[j], ys[i]), limit)


def ref_mandel(xs, ys, out, limit):
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            z, c, n = 0j, complex(xs[j], ys[i]), limit
            for k in range(limit):
                z = z * z + c
                if abs(z) > 2.0:
                    n = k
                    break
            out[i, j] = n


# CASE: mandel[(2, 3), (4, 4)](np.linspace(-2.0, 1.0, 12), np.linspace(-1.0, 1.0, 8), np.zeros((8, 12), dtype=np.int64), 30)
# CASE: mandel[(1, 2), (8, 8)](np.linspace(-0.75, -0.7, 16), np.linspace(0.1, 0.15, 8), np.zeros((8, 16), dtype=np.int64), 50)


@cuda.jit
def mix(a, b, wr, wi, out, same):
    i = cuda.grid(1)
    if i < out.size:
        w = complex(wr, wi)
        out[i] = (a[i] * b[i].conjugate() + w) / (b[i] + 2.0)
        same[i] = 1 if a[i] == b[i] else 0


def ref_mix(a, b, wr, wi, out, same):
    out[:] = (a * b.conjugate() + complex(wr, wi)) / (b + 2.0)
    same[:] = (a == b).astype(same.dtype)


# CASE: mix[1, 8](np.array([1 + 2j, -3.5j, 2.0, 1 - 1j, 0.5 + 0.25j]), np.array([1 + 2j, 1j, -1.0, 4 - 2j, 0.5 + 0.25j]), 0.5, -1.0, np.zeros(5, dtype=np.complex128), np.zeros(5, dtype=np.int64))  # ulp=4


@cuda.jit
def parts(z, re, im, mag):
    i = cuda.grid(1)
    if i < z.size:
        re[i] = z[i].real * 2.0
        im[i] = -z[i].imag
        mag[i] = abs(z[i] * z[i])


def ref_parts(z, re, im, mag):
    re[:] = z.real * 2.0
    im[:] = -z.imag
    mag[:] = np.abs(z * z)


# CASE: parts[1, 8](np.array([3 + 4j, -1 - 1j, 0.5j, 2.0], dtype=np.complex64), np.zeros(4, dtype=np.float32), np.zeros(4, dtype=np.float32), np.zeros(4, dtype=np.float32))  # ulp=4


@cuda.jit
def powers(z, out):
    i = cuda.grid(1)
    if i < z.size:
        out[i, 0] = z[i] ** 2
        out[i, 1] = z[i] ** -3
        out[i, 2] = z[i] ** 0.5
        out[i, 3] = cmath.exp(z[i]) + cmath.log(z[i]) * cmath.sqrt(z[i])


def ref_powers(z, out):
    for i in range(z.size):
        out[i, 0] = z[i] ** 2
        out[i, 1] = z[i] ** -3
        out[i, 2] = z[i] ** 0.5
        out[i, 3] = cmath.exp(z[i]) + cmath.log(z[i]) * cmath.sqrt(z[i])


# CASE: powers[1, 8](np.array([1 + 1j, -2 + 0.5j, 3j, 0.25 - 4j, -1.5]), np.zeros((5, 4), dtype=np.complex128))  # ulp=8
