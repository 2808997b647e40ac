# Sieve of Eratosthenes: a bool array allocated in the kernel, a prime count, and
# the list of primes written into a preallocated int array.
import numpy as np
from numba import njit


@njit
def sieve(n):
    is_p = np.ones(n + 1, dtype=np.bool_)
    is_p[0] = False
    if n >= 1:
        is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return is_p


@njit
def count_primes(n):
    s = sieve(n)
    c = 0
    for i in range(n + 1):
        if s[i]:
            c += 1
    return c


@njit
def primes_into(out):
    n = 1000
    s = sieve(n)
    k = 0
    for i in range(n + 1):
        if s[i] and k < out.shape[0]:
            out[k] = i
            k += 1
    return k


# CASE: sieve(30)
# CASE: sieve(1)
# CASE: count_primes(100)
# CASE: count_primes(999)
# CASE: primes_into(np.zeros(20, dtype=np.int64))
