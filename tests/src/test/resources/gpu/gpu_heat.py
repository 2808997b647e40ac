# GPU corpus: the 1-D heat equation u_t = u_xx with explicit finite differences and fixed (Dirichlet)
# boundary values. heat_step does one time step per launch from u_old into u_new (a scalar alpha =
# dt/dx^2); heat_steps runs several steps in one block: the field lives in two cuda.shared.array
# buffers, with cuda.syncthreads() between computing a step and copying it back, and between the copy
# and the next step. Edge cases: grids larger than the field, sizes not a multiple of the block,
# fields of 1, 2 and 3 points, zero steps. alpha is a power of two and the fields small integers, so
# every step is exact (a fused multiply-add on the device gives the same bits); the alpha = 0.1 case
# is allowed 2 ulp for that.
import numpy as np
from numba import cuda, float64

N_MAX = 128  # heat_steps: the largest field (one thread per point, one block)


@cuda.jit
def heat_step(u, u_new, alpha):
    i = cuda.grid(1)
    n = u.shape[0]
    if i < n:
        if i == 0 or i == n - 1:
            u_new[i] = u[i]
        else:
            u_new[i] = u[i] + alpha * (u[i - 1] - 2.0 * u[i] + u[i + 1])


def ref_heat_step(u, u_new, alpha):
    u_new[:] = u
    u_new[1:-1] = u[1:-1] + alpha * (u[:-2] - 2.0 * u[1:-1] + u[2:])


# CASE: heat_step[2, 32](np.where(np.arange(50) == 25, 100.0, 0.0), np.zeros(50), 0.25)
# CASE: heat_step[4, 32](np.arange(100.0) % 10, np.zeros(100), 0.5)
# CASE: heat_step[1, 64](np.abs(np.arange(40.0) - 20.0), np.full(40, -1.0), 0.125)
# CASE: heat_step[3, 16](np.sin(np.arange(33.0) * 0.2) + 2.0, np.zeros(33), 0.1)  # ulp=2 note=u + alpha * d may be fused into an fma on the device
# CASE: heat_step[1, 4](np.array([1.0, 5.0, 3.0]), np.zeros(3), 0.25)
# CASE: heat_step[1, 4](np.array([7.0, -7.0]), np.zeros(2), 0.25)
# CASE: heat_step[1, 1](np.array([42.0]), np.zeros(1), 0.25)


@cuda.jit
def heat_steps(u, alpha, steps):
    cur = cuda.shared.array(N_MAX, dtype=float64)
    nxt = cuda.shared.array(N_MAX, dtype=float64)
    i = cuda.threadIdx.x
    n = u.shape[0]
    if i < n:
        cur[i] = u[i]
    cuda.syncthreads()
    for _ in range(steps):
        if i < n:
            if i == 0 or i == n - 1:
                nxt[i] = cur[i]
            else:
                nxt[i] = cur[i] + alpha * (cur[i - 1] - 2.0 * cur[i] + cur[i + 1])
        cuda.syncthreads()
        if i < n:
            cur[i] = nxt[i]
        cuda.syncthreads()
    if i < n:
        u[i] = cur[i]


def ref_heat_steps(u, alpha, steps):
    for _ in range(steps):
        u[1:-1] = u[1:-1] + alpha * (u[:-2] - 2.0 * u[1:-1] + u[2:])


# CASE: heat_steps[1, 64](np.where(np.arange(50) == 25, 1024.0, 0.0), 0.25, 10)
# CASE: heat_steps[1, 128](np.arange(100.0) % 10, 0.5, 4)
# CASE: heat_steps[1, 32](np.concatenate((np.full(10, 100.0), np.zeros(20))), 0.25, 16)
# CASE: heat_steps[1, 16](np.arange(16.0), 0.125, 8)
# CASE: heat_steps[1, 8](np.array([0.0, 64.0, 0.0]), 0.25, 5)
# CASE: heat_steps[1, 8](np.array([3.0, 9.0, -1.0, 4.0]), 0.25, 0)
