# and / or / not: short-circuit; `a and b`, `a or b` on non-bools return an operand
# (unified to a common type); conditions on ints and floats use truthiness.
from numba import njit


@njit
def and_or_values(a, b):
    return a and b, a or b


@njit
def short_circuit(a, i):
    # must not evaluate a[i] when i is out of range
    return i < a.shape[0] and a[i] > 0


@njit
def truthiness(x):
    if x:
        return 1
    return 0


@njit
def xor_bools(p, q):
    return (p or q) and not (p and q)


@njit
def mixed_or(a, b):
    return a or b


# CASE: and_or_values(2, 3)
# CASE: and_or_values(0, 3)
# CASE: and_or_values(True, False)
# CASE: short_circuit(np.array([1.0, -1.0]), 1)
# CASE: short_circuit(np.array([1.0, -1.0]), 5)
# CASE: short_circuit(np.array([1.0, -1.0]), 0)
# CASE: truthiness(0)
# CASE: truthiness(-3)
# CASE: truthiness(0.0)
# CASE: truthiness(-0.0)
# CASE: truthiness(np.nan)
# CASE: xor_bools(True, False)
# CASE: xor_bools(True, True)
# CASE: mixed_or(0, 2.5)
# CASE: mixed_or(3, 2.5)
