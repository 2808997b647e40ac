a, b = b, a
(a, b) = c
[a, b] = c
a, = t
(a,) = t
a = b = c = 0
a, b = c, d = pair
a, *rest = items
*init, last = items
(a, (b, c)) = nested
for i, (j, k) in enumerate(pairs):
    pass
x.y, z[0] = 1, 2
t = ()
t = (1,)
t = 1, 2,
