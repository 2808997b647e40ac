@njit
def a(): pass

@numba.njit
def b(): pass

@nb.njit(cache=True, fastmath=True)
def c(): pass

@njit("float64(float64[:], int64)")
def d(x, n): pass

@njit(["f8(f8)", "i8(i8)"])
def e(x): pass

@njit(float64(float64[:]))
def f(x): pass

@numba.vectorize([float64(float64, float64), float32(float32, float32)], target="cpu")
def g(x, y): pass

@guvectorize(["void(float64[:], float64[:])"], "(n)->()", nopython=True)
def h(a, out): pass

@first
@second.attr(1)
@third[0]
def i(): pass

@cc.export("mult", "f8(f8, f8)")
def j(a, b): pass
