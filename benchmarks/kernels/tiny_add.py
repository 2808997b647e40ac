"""The smallest kernel there is: its warm call time is the call overhead.

    bin/arrayjit run benchmarks/kernels/tiny_add.py add 3 4 --repeat 100000
"""
from numba import njit


@njit
def add(a, b):
    return a + b
