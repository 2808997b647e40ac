# Mandelbrot set in real arithmetic: escape-time counts on a small grid (int32 result),
# and a single point function called from the grid kernel.
import numpy as np
from numba import njit


@njit
def escape(cr, ci, max_iter):
    zr = 0.0
    zi = 0.0
    for n in range(max_iter):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return max_iter


@njit
def mandelbrot(width, height, max_iter):
    out = np.zeros((height, width), dtype=np.int32)
    for y in range(height):
        ci = -1.25 + 2.5 * y / (height - 1)
        for x in range(width):
            cr = -2.0 + 2.75 * x / (width - 1)
            out[y, x] = escape(cr, ci, max_iter)
    return out


@njit
def area_estimate(width, height, max_iter):
    img = mandelbrot(width, height, max_iter)
    inside = 0
    for y in range(height):
        for x in range(width):
            if img[y, x] == max_iter:
                inside += 1
    return inside * (2.75 * 2.5) / (width * height)


# CASE: escape(0.0, 0.0, 100)
# CASE: escape(-0.75, 0.1, 1000)
# CASE: escape(1.0, 1.0, 50)
# CASE: mandelbrot(32, 24, 50)
# CASE: area_estimate(40, 25, 100)
