/**
 * The arrayjit runtime: load a Numba source file and call its kernels from Java.
 *
 * <ul>
 *   <li>{@link dev.arrayjit.runtime.ArrayJit} loads a file ({@code load(Path)}) or source text
 *       ({@code compile(source, fileName)}) into a {@link dev.arrayjit.runtime.KernelModule};
 *       {@code module.function("name")} gives a {@link dev.arrayjit.runtime.KernelFunction} whose
 *       {@code call(Object...)} compiles on first use per argument-type tuple
 *       ({@link dev.arrayjit.runtime.Dispatcher}) and runs the native code.</li>
 *   <li>{@link dev.arrayjit.runtime.NDArray}: off-heap n-dimensional arrays with NumPy's layout and
 *       printing; {@link dev.arrayjit.runtime.Npy} reads and writes {@code .npy} files.</li>
 *   <li>{@link dev.arrayjit.runtime.Scalar} (typed NumPy scalars), {@link dev.arrayjit.runtime.PyTuple},
 *       {@link dev.arrayjit.runtime.Complex}: the Python values Java has no type for.</li>
 *   <li>Errors: {@link dev.arrayjit.frontend.diag.CompileException} (the source does not compile),
 *       {@link dev.arrayjit.runtime.ArgumentException} (arguments the kernel cannot take),
 *       {@link dev.arrayjit.runtime.KernelException} (the kernel raised a Python exception).</li>
 * </ul>
 * How Java values map to kernel types and back is documented on {@link dev.arrayjit.runtime.KernelFunction}.
 */
package dev.arrayjit.runtime;
