n = 0 1_000 0x_ff 0o17 0b1 1. .5 1e-3 1_0.5 2j 1.5E+2J 00
s = 'a' "b" '''c''' """d""" r'\' ' b"e" Rb'f' f"{x}" u'g' '\''
t = """multi
line""" + 'x'
op = a ** b // c << d >> e <= f >= g == h != i -> j := k ... @ l
aug = a += b -= c *= d /= e //= f %= g **= h &= i |= j ^= k <<= l >>= m @= n
kw = match case _ None True False async await
