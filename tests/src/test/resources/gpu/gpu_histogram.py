# GPU corpus: atomics. Histograms with cuda.atomic.add on int32 and int64 bins (keys taken modulo
# the bin count, negative keys included; bins of a value range with clamping; a 2-D histogram with a
# tuple index), float64 accumulation with cuda.atomic.add (weights are multiples of 1/4, so the sums
# are exact in any order), cuda.atomic.max / cuda.atomic.min on int32 and float64 (one cell, and per
# key). Return values: cuda.atomic.add returns the old value; it is only used where the outcome does
# not depend on the order of the threads: a counter that hands out slots (every slot is claimed
# once, the slots sum to n*(n-1)/2), and fetch-and-add / fetch-and-max on each thread's own cell.
import numpy as np
from numba import cuda


@cuda.jit
def histogram(data, bins):
    i = cuda.grid(1)
    if i < data.size:
        cuda.atomic.add(bins, data[i] % bins.size, 1)


def ref_histogram(data, bins):
    np.add.at(bins, data % bins.size, 1)


# CASE: histogram[4, 64](np.arange(200) * 7 % 13, np.zeros(10, dtype=np.int32))
# CASE: histogram[2, 128](np.arange(-100, 100), np.zeros(7, dtype=np.int64))
# CASE: histogram[3, 32](np.arange(90, dtype=np.int32) ** 2, np.zeros(16, dtype=np.int32))
# CASE: histogram[1, 256](np.zeros(256, dtype=np.int64), np.full(3, 5, dtype=np.int64))
# CASE: histogram[8, 16](np.arange(100) // 3 - 17, np.zeros(1, dtype=np.int32))


@cuda.jit
def histogram_range(x, lo, hi, bins):
    i = cuda.grid(1)
    if i < x.size:
        nb = bins.shape[0]
        b = int((x[i] - lo) / (hi - lo) * nb)
        if b < 0:
            b = 0
        if b >= nb:
            b = nb - 1
        cuda.atomic.add(bins, b, 1)


def ref_histogram_range(x, lo, hi, bins):
    b = np.clip(np.trunc((x - lo) / (hi - lo) * bins.size), 0, bins.size - 1).astype(np.int64)
    np.add.at(bins, b, 1)


# CASE: histogram_range[2, 64](np.sin(np.arange(100.0)), -1.0, 1.0, np.zeros(8, dtype=np.int32))
# CASE: histogram_range[4, 32](np.linspace(-3.0, 3.0, 101), -2.0, 2.0, np.zeros(5, dtype=np.int64))
# CASE: histogram_range[1, 128](np.arange(128.0) * 0.75, 0.0, 96.0, np.zeros(12, dtype=np.int32))


@cuda.jit
def histogram_2d(a, b, hist):
    i = cuda.grid(1)
    if i < a.size:
        cuda.atomic.add(hist, (a[i], b[i]), 1)


def ref_histogram_2d(a, b, hist):
    np.add.at(hist, (a, b), 1)


# CASE: histogram_2d[2, 64](np.arange(100) % 4, np.arange(100) * 3 % 5, np.zeros((4, 5), dtype=np.int64))
# CASE: histogram_2d[4, 16](np.arange(50) // 10, np.arange(50) % 3, np.zeros((5, 3), dtype=np.int32))


@cuda.jit
def weighted(keys, w, sums):
    i = cuda.grid(1)
    if i < keys.size:
        cuda.atomic.add(sums, keys[i], w[i])


def ref_weighted(keys, w, sums):
    np.add.at(sums, keys, w)


# CASE: weighted[2, 64](np.arange(100) % 6, np.arange(100.0) * 0.25, np.zeros(6))
# CASE: weighted[4, 32](np.arange(120) * 5 % 7, np.arange(120.0) % 9 - 4.5, np.full(7, 1.5))
# CASE: weighted[1, 32](np.zeros(20, dtype=np.int64), np.full(20, -0.75), np.zeros(1))
# CASE: weighted[3, 16](np.arange(40, dtype=np.int32) % 4, np.ones(40), np.zeros(4))


@cuda.jit
def extremes(x, mx, mn):
    i = cuda.grid(1)
    if i < x.size:
        cuda.atomic.max(mx, 0, x[i])
        cuda.atomic.min(mn, 0, x[i])


def ref_extremes(x, mx, mn):
    mx[0] = max(mx[0], x.max())
    mn[0] = min(mn[0], x.min())


# CASE: extremes[4, 32](np.arange(100, dtype=np.int32) * 37 % 101 - 50, np.full(1, -1000, dtype=np.int32), np.full(1, 1000, dtype=np.int32))
# CASE: extremes[2, 64](np.cos(np.arange(100.0)) * 10.0, np.full(1, -np.inf), np.full(1, np.inf))
# CASE: extremes[2, 32](np.arange(40.0), np.full(1, 100.0), np.full(1, 5.5))
# CASE: extremes[1, 16](np.full(10, -7, dtype=np.int32), np.zeros(1, dtype=np.int32), np.zeros(1, dtype=np.int32))


@cuda.jit
def keyed_extremes(keys, vals, mx, mn):
    i = cuda.grid(1)
    if i < keys.size:
        k = keys[i]
        cuda.atomic.max(mx, k, vals[i])
        cuda.atomic.min(mn, k, vals[i])


def ref_keyed_extremes(keys, vals, mx, mn):
    np.maximum.at(mx, keys, vals)
    np.minimum.at(mn, keys, vals)


# CASE: keyed_extremes[2, 64](np.arange(100) % 5, np.arange(100, dtype=np.int32) * 13 % 29, np.zeros(5, dtype=np.int32), np.full(5, 100, dtype=np.int32))
# CASE: keyed_extremes[4, 32](np.arange(128) % 3, np.sin(np.arange(128.0)), np.full(3, -2.0), np.full(3, 2.0))
# CASE: keyed_extremes[3, 16](np.arange(45) // 15, np.arange(45.0) - 22.0, np.zeros(3), np.zeros(3))


@cuda.jit
def claim_slots(counter, seen, slot_sum):
    i = cuda.grid(1)
    if i < seen.size:
        slot = cuda.atomic.add(counter, 0, 1)
        cuda.atomic.add(seen, slot, 1)
        cuda.atomic.add(slot_sum, 0, slot)


def ref_claim_slots(counter, seen, slot_sum):
    n = seen.size
    counter[0] += n
    seen += 1
    slot_sum[0] += n * (n - 1) // 2


# CASE: claim_slots[2, 64](np.zeros(1, dtype=np.int32), np.zeros(100, dtype=np.int32), np.zeros(1, dtype=np.int64))
# CASE: claim_slots[4, 32](np.zeros(1, dtype=np.int64), np.zeros(128, dtype=np.int64), np.zeros(1, dtype=np.int64))
# CASE: claim_slots[1, 8](np.zeros(1, dtype=np.int32), np.zeros(3, dtype=np.int32), np.zeros(1, dtype=np.int32))


@cuda.jit
def fetch_add(acc, vals, old):
    i = cuda.grid(1)
    if i < acc.size:
        old[i] = cuda.atomic.add(acc, i, vals[i])


def ref_fetch_add(acc, vals, old):
    old[:] = acc
    acc += vals


# CASE: fetch_add[2, 32](np.arange(50.0), np.full(50, 0.5), np.zeros(50))
# CASE: fetch_add[3, 16](np.arange(40, dtype=np.int32), np.arange(40, dtype=np.int32) * -2, np.zeros(40, dtype=np.int32))
# CASE: fetch_add[1, 64](np.arange(10), np.ones(10, dtype=np.int64), np.full(10, -1, dtype=np.int64))


@cuda.jit
def fetch_max(acc, vals, old):
    i = cuda.grid(1)
    if i < acc.size:
        old[i] = cuda.atomic.max(acc, i, vals[i])


def ref_fetch_max(acc, vals, old):
    old[:] = acc
    np.maximum(acc, vals, out=acc)


# CASE: fetch_max[2, 32](np.arange(50.0) - 25.0, np.zeros(50), np.zeros(50))
# CASE: fetch_max[2, 16](np.arange(30, dtype=np.int32) % 7, np.full(30, 3, dtype=np.int32), np.zeros(30, dtype=np.int32))
