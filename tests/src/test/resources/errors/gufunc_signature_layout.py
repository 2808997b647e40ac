# ERROR: a @guvectorize signature whose argument does not have the dimensions the layout gives it
import numpy as np
from numba import guvectorize


@guvectorize(["void(float64[:,:], float64[:])"], "(n)->(n)")
def copy(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i, 0]


# CALL: copy(np.arange(3.0))
