"""Counts the points of a grid that stay inside the Mandelbrot set, in real arithmetic.

    bin/arrayjit run examples/mandelbrot.py inside_count 200 150 100
    /usr/bin/python3 examples/mandelbrot.py
"""
from numba import njit


@njit
def escape_time(x, y, max_iter):
    zr = 0.0
    zi = 0.0
    k = 0
    while k < max_iter and zr * zr + zi * zi <= 4.0:
        t = zr * zr - zi * zi + x
        zi = 2.0 * zr * zi + y
        zr = t
        k += 1
    return k


@njit
def inside_count(width, height, max_iter):
    count = 0
    for j in range(height):
        y = -1.5 + 3.0 * j / height
        for i in range(width):
            x = -2.0 + 3.0 * i / width
            if escape_time(x, y, max_iter) == max_iter:
                count += 1
    return count


if __name__ == "__main__":
    print(inside_count(200, 150, 100))
