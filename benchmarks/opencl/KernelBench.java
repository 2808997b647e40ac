import dev.arrayjit.runtime.ArrayJit;
import dev.arrayjit.runtime.DeviceArray;
import dev.arrayjit.runtime.KernelFunction;
import dev.arrayjit.runtime.KernelModule;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.typeinfer.types.Types;
import java.util.Arrays;

/**
 * @cuda.jit kernels on the chosen OpenCL device, through the public API with device arrays (no
 * transfers between launches): the cost of a launch (one work-item), and a float32 matrix product
 * naive with bounds checks, naive with boundscheck=False, and with 16x16 shared tiles; each the
 * median of several launches, checked against the same product computed by an @njit kernel on
 * the CPU. Prints a markdown table.
 *
 *   java --enable-native-access=ALL-UNNAMED -cp JARS benchmarks/opencl/KernelBench.java [N]
 */
public class KernelBench {
    static final String SOURCE = """
            import numpy as np
            from numba import cuda, njit, float32

            TPB = 16

            @cuda.jit
            def touch(a):
                a[cuda.grid(1)] += 1.0

            @cuda.jit
            def mm(A, B, C):
                i, j = cuda.grid(2)
                if i < C.shape[0] and j < C.shape[1]:
                    s = float32(0.0)
                    for k in range(A.shape[1]):
                        s += A[i, k] * B[k, j]
                    C[i, j] = s

            @cuda.jit(boundscheck=False)
            def mm_unchecked(A, B, C):
                i, j = cuda.grid(2)
                if i < C.shape[0] and j < C.shape[1]:
                    s = float32(0.0)
                    for k in range(A.shape[1]):
                        s += A[i, k] * B[k, j]
                    C[i, j] = s

            @cuda.jit
            def mm_tiled(A, B, C):
                sA = cuda.shared.array((TPB, TPB), float32)
                sB = cuda.shared.array((TPB, TPB), float32)
                x, y = cuda.grid(2)
                tx = cuda.threadIdx.x
                ty = cuda.threadIdx.y
                tmp = float32(0.0)
                for t in range((A.shape[1] + TPB - 1) // TPB):
                    sA[tx, ty] = A[x, ty + t * TPB] if x < A.shape[0] and ty + t * TPB < A.shape[1] else 0.0
                    sB[tx, ty] = B[tx + t * TPB, y] if y < B.shape[1] and tx + t * TPB < B.shape[0] else 0.0
                    cuda.syncthreads()
                    for k in range(TPB):
                        tmp += sA[tx, k] * sB[k, ty]
                    cuda.syncthreads()
                if x < C.shape[0] and y < C.shape[1]:
                    C[x, y] = tmp

            @njit
            def mm_cpu(A, B):
                return A @ B
            """;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        System.out.println("devices: " + ArrayJit.gpuDevices());
        KernelModule m = ArrayJit.compile(SOURCE, "kernel_bench.py");
        NDArray a = NDArray.zeros(Types.FLOAT32, n, n), b = NDArray.zeros(Types.FLOAT32, n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.setDouble(((i * 7 + j * 3) % 17) * 0.125 - 1, i, j);
                b.setDouble(((i * 5 + j * 11) % 13) * 0.25 - 1.5, i, j);
            }
        }
        NDArray expect = (NDArray) m.function("mm_cpu").call(a, b);
        System.out.println("| measure | median ms | all |\n|---|---|---|");

        try (DeviceArray one = ArrayJit.toDevice(NDArray.zeros(Types.FLOAT64, 1))) {
            KernelFunction.Launch launch = m.function("touch").configure(1, 1);
            launch.call(one); // compiles
            double[] t = new double[201];
            for (int r = 0; r < t.length; r++) {
                long s = System.nanoTime();
                launch.call(one);
                t[r] = (System.nanoTime() - s) / 1e6;
            }
            row("launch of one work-item on device arrays", t);
        }
        try (DeviceArray da = ArrayJit.toDevice(a); DeviceArray db = ArrayJit.toDevice(b);
             DeviceArray dc = ArrayJit.deviceArray(Types.FLOAT32, n, n)) {
            long blocks = (n + 15) / 16;
            for (String k : new String[] {"mm", "mm_unchecked", "mm_tiled"}) {
                KernelFunction.Launch launch = m.function(k).configure(new long[] {blocks, blocks}, new long[] {16, 16});
                launch.call(da, db, dc); // compiles
                double[] t = new double[5];
                for (int r = 0; r < t.length; r++) {
                    long s = System.nanoTime();
                    launch.call(da, db, dc);
                    t[r] = (System.nanoTime() - s) / 1e6;
                }
                double worst = 0;
                NDArray c = dc.copyToHost();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) worst = Math.max(worst, Math.abs(c.getDouble(i, j) - expect.getDouble(i, j)));
                }
                row(k + " " + n + "x" + n + " float32 (largest difference from the CPU: " + String.format("%.2g", worst) + ")", t);
            }
        }
    }

    static void row(String what, double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        String all = t.length > 10 ? "median of " + t.length : String.join(", ", Arrays.stream(t).mapToObj(x -> String.format("%.3f", x)).toList());
        System.out.printf("| %s | %.3f | %s |%n", what, s[s.length / 2], all);
    }
}
