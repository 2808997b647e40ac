# while loops: data-dependent trip counts, while True with break, nested whiles.
from numba import njit


@njit
def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@njit
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


@njit
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


@njit
def first_power_above(base, limit):
    p = 1
    k = 0
    while True:
        if p > limit:
            break
        p *= base
        k += 1
    return k, p


@njit
def newton_sqrt(x):
    g = x if x > 1.0 else 1.0
    it = 0
    while abs(g * g - x) > 1e-12 * x and it < 100:
        g = 0.5 * (g + x / g)
        it += 1
    return g, it


@njit
def triangle_count(n):
    i = 0
    c = 0
    while i < n:
        j = 0
        while j <= i:
            c += 1
            j += 1
        i += 1
    return c


# CASE: collatz_steps(27)
# CASE: collatz_steps(1)
# CASE: gcd(1071, 462)
# CASE: gcd(17, 0)
# CASE: gcd(-12, 18)
# CASE: isqrt(1000000)
# CASE: isqrt(99)
# CASE: first_power_above(3, 1000)
# CASE: first_power_above(2, 0)
# CASE: newton_sqrt(2.0)
# CASE: newton_sqrt(0.25)
# CASE: triangle_count(10)
