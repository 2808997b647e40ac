"""Kernels that raise at run time, for the CLI's exit code 3.

    bin/arrayjit run examples/errors.py element 10     # IndexError, exit 3
    bin/arrayjit run examples/errors.py ratio 1 0      # ZeroDivisionError, exit 3
"""
import numpy as np
from numba import njit


@njit
def element(i):
    a = np.zeros(10)
    return a[i]


@njit
def ratio(a, b):
    return a // b


@njit
def checked_sqrt(x):
    if x < 0:
        raise ValueError("negative input")
    return x ** 0.5


if __name__ == "__main__":
    print(element(3), ratio(7, 2), checked_sqrt(4.0))
