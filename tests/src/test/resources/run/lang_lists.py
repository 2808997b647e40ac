# Lists built inside kernels: displays, comprehensions (with 'if' and several 'for'), append and
# the other methods, indexing and slicing, iteration, len/sum/min/max/sorted/list(), + and *,
# 'in', np.array of a list, and lists returned (alone and in tuples).
import numpy as np
from numba import njit


@njit
def display(x):
    a = [1, 2, 3]
    b = [x, 2.5, True]
    return a, b, len(a) + len(b)


@njit
def squares_of_odds(n):
    return [k * k for k in range(n) if k % 2 == 1]


@njit
def pairs(n):
    return [i * 10 + j for i in range(n) for j in range(i) if (i + j) % 2 == 0]


@njit
def positives(a):
    out = []
    for x in a:
        if x > 0:
            out.append(x)
    return out


@njit
def widen_on_append(n):
    l = [1]
    for i in range(n):
        l.append(i * 0.5)
    return l


@njit
def grow_and_shrink(n):
    l = [0] * 0
    for i in range(n):
        l.append(i)
    total = 0
    while len(l) > 0:
        total += l.pop()
    return total, len(l)


@njit
def methods(v):
    l = [5, 3, 8, 1]
    l.insert(1, 7)
    a = l.pop()
    b = l.pop(0)
    l.remove(8)
    l.extend([4, v])
    l.reverse()
    c = l.index(4)
    d = l.count(4)
    l.sort()
    return l, a, b, c, d, v in l, 9 not in l


@njit
def insert_edges(i):
    l = [1, 2, 3]
    l.insert(i, 9)
    return l


@njit
def pop_at(i):
    l = [10, 20, 30]
    v = l.pop(i)
    return v, l


@njit
def index_read(i):
    l = [k * 1.5 for k in range(4)]
    return l[i]


@njit
def index_write(i, v):
    l = [0, 0, 0]
    l[i] = v
    l[i] += 1
    return l


@njit
def slices(n):
    l = list(range(n))
    return l[1:4], l[::-1], l[::2], l[-2:], l[5:1]


@njit
def operators(n):
    a = [0] * n
    b = [1, 2] + [3.5]
    c = 2 * [True, False]
    return a, b, c, [1] * -2


@njit
def builtins(a):
    l = [x for x in a]
    return sum(l), min(l), max(l), sorted(l), sorted(l, reverse=True), list(a[::-1])


@njit
def min_of_empty(n):
    l = [x for x in range(n)]
    return min(l)


@njit
def iterate(n):
    l = [k for k in range(n)]
    s = 0
    for i, x in enumerate(l):
        s += i * x
    for x, y in zip(l, l[1:]):
        s += x * y
    return s


@njit
def truth(n):
    l = [k for k in range(n)]
    if l:
        return 1
    return 0


@njit
def to_array(n):
    l = [x * 0.5 for x in range(n) if x != 2]
    return np.array(l), np.asarray(l), np.array(l, dtype=np.float32), np.array([x for x in range(n) if x % 2])


@njit
def extend_self(n):
    l = [k for k in range(n)]
    l.extend(l)
    l += [7, 8]
    l.extend(np.arange(2))
    l.extend(range(3))
    return l


@njit
def clear_and_copy():
    l = [k + 1 for k in range(3)]
    c = l.copy()
    l.clear()
    l.append(4)
    return l, c


@njit
def aliases():
    a = [1, 2]
    b = a
    b.append(3)
    return a


@njit
def fill(a):
    rows = []
    for i in range(a.shape[0]):
        rows.append(a[i].sum())
    return np.array(rows)


@njit
def complex_items(n):
    l = [1j * k for k in range(n)]
    l.append(2.0)
    return l, sum(l)


@njit
def float32_items(a):
    l = [x for x in a]
    return l, l[0]


@njit
def helper_takes(l):
    l.append(len(l))
    return sum(l)


@njit
def passed_to_kernel(n):
    l = [k for k in range(n)]
    s = helper_takes(l)
    return s, l


# CASE: display(4)
# CASE: display(0.5)
# CASE: squares_of_odds(7)
# CASE: squares_of_odds(0)
# CASE: pairs(5)
# CASE: positives(np.array([1.5, -2.0, 3.0, 0.0, 4.5]))
# CASE: positives(np.array([-1, -2], dtype=np.int32))
# CASE: widen_on_append(3)
# CASE: grow_and_shrink(10)
# CASE: methods(4)
# CASE: methods(2)
# CASE: insert_edges(0)
# CASE: insert_edges(-1)
# CASE: insert_edges(10)
# CASE: insert_edges(-10)
# CASE: pop_at(1)
# CASE: pop_at(-1)
# CASE: pop_at(3)
# CASE: index_read(2)
# CASE: index_read(-4)
# CASE: index_read(4)
# CASE: index_write(1, 5)
# CASE: index_write(-3, 2)
# CASE: index_write(3, 1)
# CASE: slices(6)
# CASE: slices(0)
# CASE: operators(3)
# CASE: builtins(np.array([3.0, -1.5, 2.0, 7.25]))
# CASE: builtins(np.array([4, 1, 3], dtype=np.int32))
# CASE: iterate(5)
# CASE: truth(0)
# CASE: truth(2)
# CASE: to_array(5)
# CASE: extend_self(3)
# CASE: clear_and_copy()
# CASE: aliases()
# CASE: fill(np.arange(6.0).reshape(3, 2))
# CASE: complex_items(3)
# CASE: float32_items(np.array([0.1, 2.0], dtype=np.float32))
# CASE: passed_to_kernel(4)
