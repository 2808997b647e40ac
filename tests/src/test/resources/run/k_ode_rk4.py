# Numerical integration with math functions: RK4 for a damped oscillator, trapezoid rule,
# Leibniz series for pi in float64 and float32 (float32 precision loss). Tolerance 4 ulp.
# ULP: 4
import math
import numpy as np
from numba import njit


@njit
def deriv(x, v, k, c):
    return v, -k * x - c * v


@njit
def rk4(x0, v0, k, c, dt, steps):
    x = x0
    v = v0
    for _ in range(steps):
        k1x, k1v = deriv(x, v, k, c)
        k2x, k2v = deriv(x + 0.5 * dt * k1x, v + 0.5 * dt * k1v, k, c)
        k3x, k3v = deriv(x + 0.5 * dt * k2x, v + 0.5 * dt * k2v, k, c)
        k4x, k4v = deriv(x + dt * k3x, v + dt * k3v, k, c)
        x += dt / 6.0 * (k1x + 2 * k2x + 2 * k3x + k4x)
        v += dt / 6.0 * (k1v + 2 * k2v + 2 * k3v + k4v)
    return x, v


@njit
def trapezoid_sin(a, b, n):
    h = (b - a) / n
    s = 0.5 * (math.sin(a) + math.sin(b))
    for i in range(1, n):
        s += math.sin(a + i * h)
    return s * h


@njit
def leibniz(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4 * s


@njit
def leibniz_f32(n):
    s = np.float32(0.0)
    sign = np.float32(1.0)
    for k in range(n):
        s += sign / np.float32(2 * k + 1)
        sign = -sign
    return np.float32(4) * s


# CASE: rk4(1.0, 0.0, 4.0, 0.1, 0.01, 200)
# CASE: trapezoid_sin(0.0, 3.141592653589793, 100)  # ulp=64 note=sum of 100 sin values: per-term errors add up
# CASE: leibniz(1000)
# CASE: leibniz_f32(1000)
