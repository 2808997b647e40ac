import time, numpy as np
from numba import njit
src = '''
def add(a, b):
    return a + b + {k}
def saxpy(a, x, y):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out
'''
x = np.ones(3)
ta, ts = [], []
for k in range(12):
    ns = {'np': np}
    exec(src.format(k=k), ns)
    f = njit(ns['add']); g = njit(ns['saxpy'])
    t0 = time.perf_counter(); f(1, 2); t1 = time.perf_counter(); g(2.0, x, x); t2 = time.perf_counter()
    if k >= 2: ta.append((t1-t0)*1e3); ts.append((t2-t1)*1e3)
ta.sort(); ts.sort()
print("numba warm compile: add %.1f ms, saxpy %.1f ms (medians)" % (ta[len(ta)//2], ts[len(ts)//2]))
