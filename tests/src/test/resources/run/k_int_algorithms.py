# Integer algorithms: modular exponentiation, digit sums with // and % (negative input),
# integer reversal, binomial coefficients, Fibonacci with wraparound, Euler's totient.
from numba import njit


@njit
def modpow(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


@njit
def digit_sum(n):
    n = abs(n)
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


@njit
def reverse_digits(n):
    sign = -1 if n < 0 else 1
    n = abs(n)
    r = 0
    while n:
        r = r * 10 + n % 10
        n //= 10
    return sign * r


@njit
def binomial(n, k):
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r


@njit
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


@njit
def totient(n):
    result = n
    p = 2
    while p * p <= n:
        if n % p == 0:
            while n % p == 0:
                n //= p
            result -= result // p
        p += 1
    if n > 1:
        result -= result // n
    return result


# CASE: modpow(2, 100, 1000000007)
# CASE: modpow(-3, 5, 7)
# CASE: digit_sum(987654321)
# CASE: digit_sum(-409)
# CASE: reverse_digits(12345)
# CASE: reverse_digits(-1200)
# CASE: binomial(10, 3)
# CASE: binomial(60, 30)
# CASE: binomial(5, 7)
# CASE: fib(90)
# CASE: fib(100)
# CASE: totient(36)
# CASE: totient(97)
