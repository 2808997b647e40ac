# Random numbers inside kernels, seeded in the kernel so the draws are reproducible: NumPy's legacy
# generator (np.random.seed, random/random_sample/rand, rand(n)/rand(m, n)/random(size=...),
# randn/standard_normal/randn(n), randint(low, high)/randint(high) on 32-bit and wider ranges,
# uniform(low, high) with float and int bounds, normal with and without arguments), enough draws
# to regenerate the Mersenne Twister's 624 words more than once, interleaved functions (the polar
# method's cached gaussian), reseeding (which drops the cached gaussian) and the independence of
# NumPy's and Python's generators.
# Raising: randint with an empty range (NumPy's and Python's).
# Not here: np.random.uniform() and uniform(low), which Numba 0.56 rejects (arrayjit defaults them).
# Python's random module appears only in draws that do not depend on the seed: Numba 0.56 seeds
# random.seed(a) like np.random.seed (init_genrand), where CPython uses init_by_array on the words
# of abs(a), so every seeded random.random/uniform/randint/gauss stream of Numba differs from
# CPython's (random.gauss also uses NumPy's polar method instead of CPython's Box-Muller).
# arrayjit follows CPython there, and Numba would not be a reference for it.
import numpy as np
import random
from numba import njit


@njit
def draws(seed, n):
    np.random.seed(seed)
    out = np.empty(n)
    for i in range(n):
        out[i] = np.random.random()
    return out


@njit
def scalar_spellings(seed):
    np.random.seed(seed)
    return np.random.random(), np.random.random_sample(), np.random.rand()


@njit
def rand_arrays(seed, n):
    np.random.seed(seed)
    return np.random.rand(n), np.random.random(3), np.random.random_sample(size=4), np.random.rand(2, 3)


@njit
def reseed_repeats(seed):
    np.random.seed(seed)
    a = np.random.random()
    b = np.random.random()
    np.random.seed(seed)
    return a, b, np.random.random(), np.random.random()


@njit
def gaussians(seed, n):
    np.random.seed(seed)
    out = np.empty(n)
    for i in range(n):
        out[i] = np.random.randn()
    return out


@njit
def gaussian_arrays(seed, n):
    np.random.seed(seed)
    first = np.random.randn()
    return first, np.random.randn(n), np.random.standard_normal(), np.random.randn(2, 2)


@njit
def reseed_drops_cached_gaussian(seed):
    np.random.seed(seed)
    a = np.random.randn()
    np.random.seed(seed)
    b = np.random.randn()
    c = np.random.randn()
    return a, b, c


@njit
def randints(seed, low, high, n):
    np.random.seed(seed)
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = np.random.randint(low, high)
    return out


@njit
def randints_below(seed, high, n):
    np.random.seed(seed)
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = np.random.randint(high)
    return out


@njit
def randint_once(low, high):
    np.random.seed(0)
    return np.random.randint(low, high)


@njit
def uniforms(seed, low, high, n):
    np.random.seed(seed)
    out = np.empty(n)
    for i in range(n):
        out[i] = np.random.uniform(low, high)
    return out


@njit
def uniform_int_bounds(seed):
    np.random.seed(seed)
    return np.random.uniform(1, 3), np.random.uniform(-1.0, 1.0)


@njit
def normals(seed, loc, scale, n):
    np.random.seed(seed)
    out = np.empty(n)
    for i in range(n):
        out[i] = np.random.normal(loc, scale)
    return out


@njit
def normal_defaults(seed):
    np.random.seed(seed)
    return np.random.normal(), np.random.normal(5.0), np.random.normal(-1.0, 0.25), np.random.normal(1, 2)


@njit
def mixed(seed, n):
    np.random.seed(seed)
    out = np.empty(n)
    for i in range(n):
        k = i % 5
        if k == 0:
            out[i] = np.random.randn()
        elif k == 1:
            out[i] = np.random.random()
        elif k == 2:
            out[i] = np.random.randint(0, 7)
        elif k == 3:
            out[i] = np.random.normal(1.0, 2.0)
        else:
            out[i] = np.random.uniform(-3.0, 3.0)
    return out


@njit
def monte_carlo_pi(seed, n):
    np.random.seed(seed)
    inside = 0
    for i in range(n):
        x = np.random.random()
        y = np.random.random()
        if x * x + y * y < 1.0:
            inside += 1
    return 4.0 * inside / n


@njit
def shuffle_by_randint(seed, a):
    np.random.seed(seed)
    for i in range(a.shape[0] - 1, 0, -1):
        j = np.random.randint(0, i + 1)
        a[i], a[j] = a[j], a[i]
    return a


@njit
def separate_generators(seed):
    np.random.seed(seed)
    a = np.random.random()
    random.seed(seed)
    random.random()
    random.gauss(0.0, 1.0)
    b = np.random.random()
    np.random.seed(seed)
    return a, b, np.random.random(), np.random.random()


@njit
def python_seed_independent(seed, a):
    random.seed(seed)
    r = random.random()
    u = random.uniform(0.5, 1.5)
    return random.randint(a, a), random.uniform(2.5, 2.5), random.gauss(1.5, 0.0), 0.0 <= r < 1.0, 0.5 <= u <= 1.5


@njit
def python_randint(a, b):
    random.seed(1)
    return random.randint(a, b)


# CASE: draws(42, 5)
# CASE: draws(0, 700)
# CASE: draws(4294967295, 3)
# CASE: draws(123456789, 1)
# CASE: scalar_spellings(42)
# CASE: rand_arrays(7, 5)
# CASE: reseed_repeats(2024)
# CASE: gaussians(42, 7)
# CASE: gaussians(1, 501)
# CASE: gaussian_arrays(3, 5)
# CASE: reseed_drops_cached_gaussian(11)
# CASE: randints(42, 0, 10, 20)
# CASE: randints(1, -5, 5, 700)
# CASE: randints(2, 0, 1, 4)
# CASE: randints(3, 0, 2, 30)
# CASE: randints(4, -1000000, 1000000, 30)
# CASE: randints(5, 100, 101, 3)
# CASE: randints(6, 0, 4294967295, 20)
# CASE: randints(7, 0, 4294967296, 20)
# CASE: randints(8, 0, 4294967297, 20)
# CASE: randints(9, -5, 1099511627776, 20)
# CASE: randints(10, -2305843009213693952, 4611686018427387904, 20)
# CASE: randints(12, 0, 6000000000, 20)
# CASE: randints(13, 0, 3, 30)
# CASE: randints_below(15, 10, 30)
# CASE: randints_below(16, 1, 3)
# CASE: randints_below(17, 2147483648, 10)
# CASE: randint_once(5, 5)
# CASE: randint_once(5, 2)
# CASE: randints_below(18, 0, 1)
# CASE: uniforms(42, -2.0, 3.5, 10)
# CASE: uniforms(1, 0.0, 1.0, 5)
# CASE: uniforms(2, 5.0, 5.0, 3)
# CASE: uniform_int_bounds(8)
# CASE: normals(42, 10.0, 0.5, 9)
# CASE: normals(3, 0.0, 0.0, 3)
# CASE: normal_defaults(9)
# CASE: mixed(99, 500)
# CASE: monte_carlo_pi(5, 1000)
# CASE: shuffle_by_randint(21, np.arange(10))
# CASE: separate_generators(77)
# CASE: python_seed_independent(42, 7)
# CASE: python_seed_independent(-5, -3)
# CASE: python_randint(3, 2)
