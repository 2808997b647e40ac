ok = 0 <= i < n
ok = a == b != c
ok = x is None
ok = x is not None
ok = k in keys
ok = k not in keys
ok = a < b > c <= d >= e
ok = not a < b
ok = (a < b) < c
ok = lo <= x <= hi and x is not y
