# GPU corpus: the bitwise and counting atomics. cuda.atomic.and_ / or_ / xor on int32 and int64
# (commutative, so the result does not depend on the threads' order), cuda.atomic.inc / dec on a
# uint32 counter (CUDA's wrapping counters: inc gives 0 past the limit, dec gives the limit below 0
# or above it; n steps from a start always end at the same value), and
# cuda.atomic.compare_and_swap, where exactly one thread finds the flag clear.
import numpy as np
from numba import cuda


@cuda.jit
def bit_ops(vals, acc_and, acc_or, acc_xor):
    i = cuda.grid(1)
    if i < vals.size:
        k = i % acc_and.size
        cuda.atomic.and_(acc_and, k, vals[i])
        cuda.atomic.or_(acc_or, k, vals[i])
        cuda.atomic.xor(acc_xor, k, vals[i])


def ref_bit_ops(vals, acc_and, acc_or, acc_xor):
    for i in range(vals.size):
        k = i % acc_and.size
        acc_and[k] &= vals[i]
        acc_or[k] |= vals[i]
        acc_xor[k] ^= vals[i]


# CASE: bit_ops[2, 64](np.arange(100, dtype=np.int32) * 37, np.full(4, -1, dtype=np.int32), np.zeros(4, dtype=np.int32), np.zeros(4, dtype=np.int32))
# CASE: bit_ops[4, 32](np.arange(128, dtype=np.int64) * 1234567 - 99, np.full(3, -1, dtype=np.int64), np.full(3, 256, dtype=np.int64), np.full(3, 7, dtype=np.int64))
# CASE: bit_ops[1, 16](np.full(10, 6, dtype=np.int32), np.full(1, 12, dtype=np.int32), np.full(1, 1, dtype=np.int32), np.zeros(1, dtype=np.int32))


@cuda.jit
def counters(up, down, limit):
    i = cuda.grid(1)
    if i < 77:
        cuda.atomic.inc(up, 0, limit)
        cuda.atomic.dec(down, 0, limit)


def ref_counters(up, down, limit):
    for _ in range(77):
        up[0] = 0 if up[0] >= limit else up[0] + 1
        down[0] = limit if down[0] == 0 or down[0] > limit else down[0] - 1


# CASE: counters[3, 32](np.zeros(1, dtype=np.uint32), np.full(1, 5, dtype=np.uint32), 9)
# CASE: counters[1, 128](np.full(1, 3, dtype=np.uint32), np.zeros(1, dtype=np.uint32), 1000)
# CASE: counters[2, 64](np.full(1, 50, dtype=np.uint32), np.full(1, 50, dtype=np.uint32), 20)


@cuda.jit
def first_wins(flag, winners):
    old = cuda.atomic.compare_and_swap(flag, 0, 1)
    if old == 0:
        cuda.atomic.add(winners, 0, 1)


def ref_first_wins(flag, winners, *, grid, block):
    if flag[0] == 0:
        winners[0] += 1
    flag[0] = 1 if flag[0] == 0 else flag[0]


# CASE: first_wins[2, 32](np.zeros(1, dtype=np.int32), np.zeros(1, dtype=np.int32))
# CASE: first_wins[1, 8](np.full(1, 5, dtype=np.int64), np.zeros(1, dtype=np.int64))
