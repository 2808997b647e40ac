# Every binary level, loosest to tightest, and the unary operators around **.
a = b if c else d if e else f
a = b or c and not d
a = not b == c
a = b | c ^ d & e << f + g * h
a = b - c - d
a = b / c // d % e @ f
a = (b + c) * d
a = -x ** 2
a = 2 ** -1
a = 2 ** 3 ** 2
a = -+~x
a = ~x ** -y ** z
a = x >> 1 << 2
a = b.c(d)[e] ** 2
a = not -x
