"""Counts the points of a width x height grid over [-2, 1] x [-1.5, 1.5] that stay inside the
Mandelbrot set for max_iter iterations, in real arithmetic (400 x 300, 200 in the benchmark).

    bin/arrayjit run benchmarks/kernels/mandelbrot.py mandelbrot 400 300 200 --repeat 10
"""
from numba import njit


@njit
def mandelbrot(width, height, max_iter):
    count = 0
    for j in range(height):
        y = -1.5 + 3.0 * j / height
        for i in range(width):
            x = -2.0 + 3.0 * i / width
            zr = 0.0
            zi = 0.0
            k = 0
            while k < max_iter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + x
                zi = 2.0 * zr * zi + y
                zr = t
                k += 1
            if k == max_iter:
                count += 1
    return count
