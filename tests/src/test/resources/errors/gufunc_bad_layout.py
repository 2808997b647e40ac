# ERROR: a @guvectorize layout string that is not one
import numpy as np
from numba import guvectorize


@guvectorize(["void(float64[:], float64[:])"], "(n)->(")
def copy(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i]


# CALL: copy(np.arange(3.0))
