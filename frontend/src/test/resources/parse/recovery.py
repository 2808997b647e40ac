# Several independent errors: each is reported once, and the statements around them survive.
import numpy as np

def good(x):
    return x + 1

def missing_colon(x)
    return x

y = (1 + 2))
z = 3 4

def body_error(a):
    total = 0
    for i in range(a)
        total += i
    b = a +
    return total

w = $
ok = True
