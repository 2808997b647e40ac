def stmts(a, b):
    global counter
    nonlocal total, other
    x = 1
    x += 1
    x -= 1
    x *= 2
    x /= 2
    x //= 2
    x %= 2
    x **= 2
    x &= 1
    x |= 1
    x ^= 1
    x <<= 1
    x >>= 1
    m @= m
    a[0] += 1
    a.b -= 2
    y: int = 3
    z: float
    a.attr: int = 1
    del x
    del a[0], a.b
    del (y, z)
    assert x > 0
    assert x > 0, "x must be positive"
    raise
    raise ValueError
    raise ValueError("bad") from err
    pass
    f(x)
    x
    return
