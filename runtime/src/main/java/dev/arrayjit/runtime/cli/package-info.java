/**
 * The {@code arrayjit} command line ({@code bin/arrayjit}); the contract is {@code CONTRACT.md}.
 *
 * <p>{@code arrayjit run FILE.py FUNCTION [ARG ...] [--target cpu|parallel|opencl] [--out DIR] [--repeat N]}
 * prints the result as Python's {@code print} would (Numba returns every integer as a Python int
 * and every float, float32 included, as a Python float; arrays print as NumPy's {@code str}).
 * Exit codes: 0 ok, 1 compile error (every diagnostic on stderr), 2 usage error, 3 the kernel
 * raised ({@code file:line:col: Kind: message}, the source line, a caret), 70 internal error.
 * {@code --target parallel} compiles as {@code cpu} for now ({@code prange} runs serially);
 * {@code opencl} is not available yet. Timing definitions are on {@code Timing}.
 */
package dev.arrayjit.runtime.cli;
