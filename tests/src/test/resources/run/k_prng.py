# Pseudo-random generators with integer wraparound: a 64-bit LCG in uint64, xorshift64
# with shifts and xor, filling arrays with uniform floats in [0, 1).
import numpy as np
from numba import njit


@njit
def lcg_next(state):
    return state * np.uint64(6364136223846793005) + np.uint64(1442695040888963407)


@njit
def xorshift64(x):
    x ^= x << np.uint64(13)
    x ^= x >> np.uint64(7)
    x ^= x << np.uint64(17)
    return x


@njit
def uniform_fill(out, seed):
    s = np.uint64(seed)
    for i in range(out.shape[0]):
        s = xorshift64(s)
        out[i] = (s >> np.uint64(11)) * (1.0 / 9007199254740992.0)


@njit
def lcg_sequence(seed, n):
    out = np.empty(n, dtype=np.uint64)
    s = np.uint64(seed)
    for i in range(n):
        s = lcg_next(s)
        out[i] = s
    return out


# CASE: lcg_next(np.uint64(1))
# CASE: xorshift64(np.uint64(88172645463325252))
# CASE: uniform_fill(np.zeros(8), 12345)
# CASE: lcg_sequence(42, 6)
