import math
import numpy as np
import os.path
import os.path as osp
import a, b.c as d, e
from numba import njit
from numba import njit, jit as jt, prange
from numba import (
    float32,
    float64 as f8,
    int64,
)
from numba.core import types, errors
from . import sibling
from .pkg import thing
from .. import parent
from ...deep.module import x as y
from math import *
