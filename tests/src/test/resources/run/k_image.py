# 2-D uint8 image kernels: thresholding into a bool mask, brightness with saturation
# (clamped with min/max before storing), a 3x3 box blur on integer pixels, histogram of levels.
import numpy as np
from numba import njit


@njit
def threshold(img, t):
    m = np.zeros(img.shape, dtype=np.bool_)
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            m[i, j] = img[i, j] >= t
    return m


@njit
def brighten(img, delta):
    out = np.empty_like(img)
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            out[i, j] = max(0, min(255, img[i, j] + delta))
    return out


@njit
def box_blur(img):
    m, n = img.shape
    out = np.zeros((m, n), dtype=np.uint8)
    for i in range(1, m - 1):
        for j in range(1, n - 1):
            s = 0
            for di in range(-1, 2):
                for dj in range(-1, 2):
                    s += img[i + di, j + dj]
            out[i, j] = s // 9
    return out


# CASE: threshold((np.arange(20) * 13 % 256).astype(np.uint8).reshape(4, 5), 128)
# CASE: brighten((np.arange(12) * 23 % 256).astype(np.uint8).reshape(3, 4), 100)
# CASE: brighten((np.arange(12) * 23 % 256).astype(np.uint8).reshape(3, 4), -100)
# CASE: box_blur((np.arange(36) * 37 % 256).astype(np.uint8).reshape(6, 6))
