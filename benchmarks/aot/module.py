# A five-function Numba pycc module: what benchmarks/aot/run.py builds ahead of time and calls from C.
import numpy as np
from numba import prange
from numba.pycc import CC

cc = CC('bench')


@cc.export('mult', 'f8(f8, f8)')
def mult(a, b):
    return a * b


@cc.export('dot', 'f8(f8[:], f8[:])')
def dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@cc.export('scale', 'f8[:](f8[:], f8)')
def scale(x, k):
    return x * k


@cc.export('minmax', 'UniTuple(f8, 2)(f8[:])')
def minmax(x):
    return x.min(), x.max()


@cc.export('sumsq', 'f8(f8[:])')
def sumsq(x):
    s = 0.0
    for i in prange(x.shape[0]):
        s += x[i] * x[i]
    return s
