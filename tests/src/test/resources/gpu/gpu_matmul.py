# GPU corpus: matrix multiplication. A naive kernel with cuda.grid(2) (one thread per element of C,
# a float64 accumulator), and the classic shared-memory tiled kernel: TPB x TPB tiles of A and B in
# cuda.shared.array((TPB, TPB), dtype=float64) with TPB a module-level constant, cuda.syncthreads()
# before and after each tile's products, zero padding past the edges. Square and non-square shapes,
# sizes that are not multiples of the tile or block, grids larger than C (`if` guards), a Fortran-order
# input, float32 and int64 inputs. Entries are small integers and halves, so every sum is exact in any
# order (and with or without fused multiply-adds).
import numpy as np
from numba import cuda, float64

TPB = 8


@cuda.jit
def matmul(A, B, C):
    i, j = cuda.grid(2)
    if i < C.shape[0] and j < C.shape[1]:
        tmp = 0.0
        for k in range(A.shape[1]):
            tmp += A[i, k] * B[k, j]
        C[i, j] = tmp


def ref_matmul(A, B, C):
    C[:, :] = A @ B


# CASE: matmul[(2, 2), (8, 8)](np.arange(256.0).reshape(16, 16) % 7 - 3.0, np.arange(256.0).reshape(16, 16) % 5 * 0.5, np.zeros((16, 16)))
# CASE: matmul[(2, 3), (8, 8)](np.arange(70.0).reshape(10, 7) % 9 - 4.0, np.arange(91.0).reshape(7, 13) % 4, np.zeros((10, 13)))
# CASE: matmul[(1, 1), (4, 4)](np.eye(3), np.arange(9.0).reshape(3, 3), np.zeros((3, 3)))
# CASE: matmul[(3, 2), (16, 4)](np.arange(33.0).reshape(33, 1), np.arange(5.0).reshape(1, 5) - 2.0, np.zeros((33, 5)))
# CASE: matmul[(2, 2), (8, 8)](np.asfortranarray(np.arange(60.0).reshape(12, 5) % 6), np.arange(45.0).reshape(5, 9) % 3, np.zeros((12, 9)))
# CASE: matmul[(2, 2), (8, 8)](np.arange(48, dtype=np.float32).reshape(12, 4) % 5, np.arange(44, dtype=np.float32).reshape(4, 11) * np.float32(0.5), np.zeros((12, 11), dtype=np.float32))
# CASE: matmul[(4, 4), (4, 4)](np.arange(100).reshape(10, 10) % 7 - 3, np.arange(100).reshape(10, 10) % 3, np.zeros((10, 10), dtype=np.int64))


@cuda.jit
def fast_matmul(A, B, C):
    sA = cuda.shared.array(shape=(TPB, TPB), dtype=float64)
    sB = cuda.shared.array(shape=(TPB, TPB), dtype=float64)
    x, y = cuda.grid(2)
    tx = cuda.threadIdx.x
    ty = cuda.threadIdx.y
    tmp = 0.0
    for t in range((A.shape[1] + TPB - 1) // TPB):
        # every thread of the block loads one element of each tile, 0 past the edges
        sA[tx, ty] = 0.0
        sB[tx, ty] = 0.0
        if x < A.shape[0] and ty + t * TPB < A.shape[1]:
            sA[tx, ty] = A[x, ty + t * TPB]
        if y < B.shape[1] and tx + t * TPB < B.shape[0]:
            sB[tx, ty] = B[tx + t * TPB, y]
        cuda.syncthreads()
        for k in range(TPB):
            tmp += sA[tx, k] * sB[k, ty]
        cuda.syncthreads()
    if x < C.shape[0] and y < C.shape[1]:
        C[x, y] = tmp


def ref_fast_matmul(A, B, C):
    C[:, :] = A @ B


# CASE: fast_matmul[(2, 2), (8, 8)](np.arange(256.0).reshape(16, 16) % 7 - 3.0, np.arange(256.0).reshape(16, 16) % 5 * 0.5, np.zeros((16, 16)))
# CASE: fast_matmul[(2, 2), (8, 8)](np.arange(100.0).reshape(10, 10) % 11 - 5.0, np.arange(100.0).reshape(10, 10) % 3, np.zeros((10, 10)))
# CASE: fast_matmul[(2, 3), (8, 8)](np.arange(91.0).reshape(13, 7) % 9 - 4.0, np.arange(119.0).reshape(7, 17) % 4 * 0.5, np.zeros((13, 17)))
# CASE: fast_matmul[(1, 1), (8, 8)](np.arange(15.0).reshape(3, 5), np.arange(10.0).reshape(5, 2) - 4.5, np.zeros((3, 2)))
# CASE: fast_matmul[(3, 1), (8, 8)](np.arange(40.0).reshape(20, 2) % 5, np.arange(16.0).reshape(2, 8), np.zeros((20, 8)))
# CASE: fast_matmul[(1, 1), (8, 8)](np.arange(12.0).reshape(1, 12), np.arange(12.0).reshape(12, 1) - 6.0, np.zeros((1, 1)))
