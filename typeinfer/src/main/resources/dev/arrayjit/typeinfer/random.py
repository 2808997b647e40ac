# Random numbers: NumPy's legacy generator (np.random.*) and Python's random module, both the
# Mersenne Twister MT19937, so a seeded kernel draws the numbers NumPy and CPython draw.
# Every function takes the thread's generator state first (see Abi.CTX_RANDOM):
#   key   uint32[624]  the twister's state words
#   meta  uint32[4]    [position in key, has a cached gaussian, seeded, a seed for unseeded use]
#   gauss float64[1]   the cached second gaussian of the polar method
#
# A zeroed state (meta[2] == 0) is unseeded: the first draw seeds it from meta[3]. The twister
# arithmetic is done in int64 with explicit 32-bit masks; stores into key/meta cast to uint32.
import math
import numpy as np
from numba import njit

MT_N = 624
MT_M = 397
TWO_PI = 6.283185307179586


# ---- the Mersenne Twister (as in NumPy's mt19937.c and CPython's _randommodule.c) ---------------

@njit(boundscheck=False)
def mt_init(key, meta, gauss, seed):
    """init_genrand(seed): Knuth's linear congruential fill; no draw is cached afterwards."""
    s = seed & 0xffffffff
    key[0] = s
    for i in range(1, MT_N):
        s = (1812433253 * (s ^ (s >> 30)) + i) & 0xffffffff
        key[i] = s
    meta[0] = MT_N
    meta[1] = 0
    meta[2] = 1
    gauss[0] = 0.0


@njit(boundscheck=False)
def mt_mix(key, i, j, k):
    """The twist of word i from words i (upper bit), j (lower bits) and k."""
    y = (key[i] & 0x80000000) | (key[j] & 0x7fffffff)
    v = (key[k] & 0xffffffff) ^ (y >> 1)
    if (y & 1) != 0:
        v = v ^ 0x9908b0df
    key[i] = v


@njit(boundscheck=False)
def mt_twist(key):
    """Regenerates all 624 words (mt19937_gen)."""
    for i in range(MT_N - MT_M):
        mt_mix(key, i, i + 1, i + MT_M)
    for i in range(MT_N - MT_M, MT_N - 1):
        mt_mix(key, i, i + 1, i + MT_M - MT_N)
    mt_mix(key, MT_N - 1, 0, MT_M - 1)


@njit(boundscheck=False)
def mt_next32(key, meta, gauss):
    """genrand_int32: the next tempered 32-bit word, as an int64 in [0, 2**32)."""
    if meta[2] == 0:
        mt_init(key, meta, gauss, meta[3] & 0xffffffff)
    pos = meta[0] & 0xffffffff
    if pos >= MT_N:
        mt_twist(key)
        pos = 0
    meta[0] = pos + 1
    y = key[pos] & 0xffffffff
    y = y ^ (y >> 11)
    y = y ^ ((y << 7) & 0x9d2c5680)
    y = y ^ ((y << 15) & 0xefc60000)
    y = y ^ (y >> 18)
    return y


@njit(boundscheck=False)
def mt_next64(key, meta, gauss):
    """NumPy's next_uint64: the first word is the high half (as int64 bits)."""
    hi = mt_next32(key, meta, gauss)
    lo = mt_next32(key, meta, gauss)
    return (hi << 32) | lo


@njit(boundscheck=False)
def mt_res53(key, meta, gauss):
    """genrand_res53: a float64 in [0, 1) with 53 random bits."""
    a = mt_next32(key, meta, gauss) >> 5
    b = mt_next32(key, meta, gauss) >> 6
    return (a * 67108864.0 + b) / 9007199254740992.0


@njit(boundscheck=False)
def u64_gt(a, b):
    """a > b for the uint64 values of the int64 bits a and b."""
    if (a < 0) != (b < 0):
        return a < 0
    return a > b


# ---- NumPy's legacy RandomState -----------------------------------------------------------------

@njit(boundscheck=False)
def np_seed(key, meta, gauss, seed):
    mt_init(key, meta, gauss, seed & 0xffffffff)


@njit(boundscheck=False)
def np_random(key, meta, gauss):
    return mt_res53(key, meta, gauss)


@njit(boundscheck=False)
def np_random_array(key, meta, gauss, n):
    out = np.empty(n)
    for i in range(n):
        out[i] = mt_res53(key, meta, gauss)
    return out


@njit(boundscheck=False)
def np_randn(key, meta, gauss):
    """legacy_gauss: the polar method; returns f * x2 and keeps f * x1 for the next call."""
    if meta[1] != 0:
        meta[1] = 0
        g = gauss[0]
        gauss[0] = 0.0
        return g
    x1 = 0.0
    x2 = 0.0
    r2 = 0.0
    while r2 >= 1.0 or r2 == 0.0:
        x1 = 2.0 * mt_res53(key, meta, gauss) - 1.0
        x2 = 2.0 * mt_res53(key, meta, gauss) - 1.0
        r2 = x1 * x1 + x2 * x2
    f = math.sqrt(-2.0 * math.log(r2) / r2)
    gauss[0] = f * x1
    meta[1] = 1
    return f * x2


@njit(boundscheck=False)
def np_randn_array(key, meta, gauss, n):
    out = np.empty(n)
    for i in range(n):
        out[i] = np_randn(key, meta, gauss)
    return out


@njit(boundscheck=False)
def bit_mask(rng):
    """The smallest all-ones mask covering rng (all 64 bits when rng's top bit is set)."""
    mask = rng
    mask = mask | (mask >> 1)
    mask = mask | (mask >> 2)
    mask = mask | (mask >> 4)
    mask = mask | (mask >> 8)
    mask = mask | (mask >> 16)
    mask = mask | (mask >> 32)
    return mask


@njit(boundscheck=False)
def np_randint(key, meta, gauss, low, high):
    """randint(low, high): masked rejection sampling of rng = high - 1 - low (as uint64), on
    32-bit draws when rng fits in 32 bits, on 64-bit draws otherwise (random_bounded_uint64_fill)."""
    if low >= high:
        raise ValueError("empty range for randrange()")
    rng = high - 1 - low
    if rng == 0:
        return low
    if 0 < rng <= 0xffffffff:
        if rng == 0xffffffff:
            return low + mt_next32(key, meta, gauss)
        mask = bit_mask(rng)
        v = mt_next32(key, meta, gauss) & mask
        while v > rng:
            v = mt_next32(key, meta, gauss) & mask
        return low + v
    if rng == -1:
        return low + mt_next64(key, meta, gauss)
    mask = bit_mask(rng)
    v = mt_next64(key, meta, gauss) & mask
    while u64_gt(v, rng):
        v = mt_next64(key, meta, gauss) & mask
    return low + v


@njit(boundscheck=False)
def np_uniform(key, meta, gauss, low, high):
    return low + (high - low) * mt_res53(key, meta, gauss)


@njit(boundscheck=False)
def np_normal(key, meta, gauss, loc, scale):
    return loc + scale * np_randn(key, meta, gauss)


# ---- Python's random module (CPython's Random) --------------------------------------------------

@njit(boundscheck=False)
def mt_init_by_array(key, meta, gauss, w0, w1, length):
    """init_by_array with the key words w0 (and w1 when length == 2)."""
    mt_init(key, meta, gauss, 19650218)
    i = 1
    j = 0
    for _ in range(MT_N):
        prev = key[i - 1] & 0xffffffff
        w = w0 if j == 0 else w1
        key[i] = ((key[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + w + j) & 0xffffffff
        i += 1
        j += 1
        if i >= MT_N:
            key[0] = key[MT_N - 1]
            i = 1
        if j >= length:
            j = 0
    for _ in range(MT_N - 1):
        prev = key[i - 1] & 0xffffffff
        key[i] = ((key[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & 0xffffffff
        i += 1
        if i >= MT_N:
            key[0] = key[MT_N - 1]
            i = 1
    key[0] = 0x80000000


@njit(boundscheck=False)
def py_seed(key, meta, gauss, a):
    """random.seed(a): init_by_array with the 32-bit words of abs(a), least significant first."""
    if a < 0:
        a = -a
    w0 = a & 0xffffffff
    w1 = (a >> 32) & 0xffffffff
    mt_init_by_array(key, meta, gauss, w0, w1, 2 if w1 != 0 else 1)


@njit(boundscheck=False)
def py_random(key, meta, gauss):
    return mt_res53(key, meta, gauss)


@njit(boundscheck=False)
def py_uniform(key, meta, gauss, a, b):
    return a + (b - a) * mt_res53(key, meta, gauss)


@njit(boundscheck=False)
def py_getrandbits(key, meta, gauss, k):
    """getrandbits(k) for 1 <= k <= 64 (as int64 bits): 32-bit words, least significant first,
    the last one keeping its top bits."""
    if k <= 32:
        return mt_next32(key, meta, gauss) >> (32 - k)
    lo = mt_next32(key, meta, gauss)
    hi = mt_next32(key, meta, gauss) >> (64 - k)
    return (hi << 32) | lo


@njit(boundscheck=False)
def py_randint(key, meta, gauss, a, b):
    """random.randint(a, b): a + _randbelow(b - a + 1) with _randbelow_with_getrandbits, the
    width n taken as uint64 (n == 0 is the full 2**64 range: 65 bits, 3 words)."""
    if b < a:
        raise ValueError("empty range for randrange()")
    n = b - a + 1
    if n == 0:
        while True:
            lo = mt_next32(key, meta, gauss)
            hi = mt_next32(key, meta, gauss)
            if (mt_next32(key, meta, gauss) >> 31) == 0:
                return a + ((hi << 32) | lo)
    k = 0
    m = n
    while m != 0:
        k += 1
        m = (m >> 1) & 0x7fffffffffffffff
    r = py_getrandbits(key, meta, gauss, k)
    while not u64_gt(n, r):
        r = py_getrandbits(key, meta, gauss, k)
    return a + r


@njit(boundscheck=False)
def py_gauss(key, meta, gauss, mu, sigma):
    """random.gauss: Box-Muller, keeping the sine half for the next call."""
    if meta[1] != 0:
        meta[1] = 0
        z = gauss[0]
    else:
        x2pi = mt_res53(key, meta, gauss) * TWO_PI
        g2rad = math.sqrt(-2.0 * math.log(1.0 - mt_res53(key, meta, gauss)))
        z = math.cos(x2pi) * g2rad
        gauss[0] = math.sin(x2pi) * g2rad
        meta[1] = 1
    return mu + z * sigma
