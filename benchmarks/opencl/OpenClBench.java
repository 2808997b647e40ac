import dev.arrayjit.codegen.gpu.OpenClDevices;
import dev.arrayjit.codegen.gpu.OpenClGenerator;
import dev.arrayjit.codegen.gpu.OpenClProgram;
import dev.arrayjit.codegen.gpu.OpenClUfunc;
import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.typeinfer.Program;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * The OpenCL backend's costs on one device: program build latency (a new program, then the same
 * source again, which drivers cache) and, for a 1e7-element float64 ufunc, the whole call against
 * its parts (host-to-device copies, the kernel, the copy back), each the median of several runs.
 * Checks every result against the same formula in Java. Prints a markdown table.
 *
 *   java --enable-native-access=ALL-UNNAMED -cp JARS benchmarks/opencl/OpenClBench.java [N]
 */
public class OpenClBench {
    static final String SOURCE = """
            import math
            from numba import vectorize

            @vectorize(["float64(float64, float64)"], target="opencl")
            def wave(x, y):
                return math.sqrt(x * x + y * y) * math.exp(-x) + math.sin(y)

            @vectorize(["float64(float64)"], target="opencl")
            def cbrt(x):
                y = 1.0 + x
                for _ in range(40):
                    y = y - (y * y * y - x) / (3.0 * y * y)
                return y
            """;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        System.out.println("devices: " + OpenClDevices.list());
        OpenClDevices.Device device = OpenClDevices.chosen();
        System.out.println("chosen: " + device);
        Program p = Program.load(new SourceFile("bench.py", SOURCE));
        CompileUnit wave = p.lower(p.specialize("wave", List.of(Types.FLOAT64, Types.FLOAT64)));
        CompileUnit cbrt = p.lower(p.specialize("cbrt", List.of(Types.FLOAT64)));

        // Build latency: the first build of a program, then the same source again.
        OpenClProgram prog = OpenClGenerator.ufunc(wave, "wave_loop");
        long t0 = System.nanoTime();
        OpenClUfunc first = OpenClUfunc.build(prog, device);
        double coldMs = (System.nanoTime() - t0) / 1e6;
        double[] warm = new double[5];
        for (int i = 0; i < warm.length; i++) {
            long s = System.nanoTime();
            OpenClUfunc again = OpenClUfunc.build(prog, device);
            warm[i] = (System.nanoTime() - s) / 1e6;
            again.close();
        }
        try (Arena arena = Arena.ofConfined(); OpenClUfunc cb = OpenClUfunc.build(OpenClGenerator.ufunc(cbrt, "cbrt_loop"), device)) {
            MemorySegment x = arena.allocate(8L * n, 8), y = arena.allocate(8L * n, 8), out = arena.allocate(8L * n, 8);
            for (int i = 0; i < n; i++) {
                x.setAtIndex(ValueLayout.JAVA_DOUBLE, i, (i % 1000) * 0.003 - 1.5);
                y.setAtIndex(ValueLayout.JAVA_DOUBLE, i, (i % 777) * 0.01);
            }
            double[] call = new double[7];
            for (int r = 0; r < call.length; r++) {
                long s = System.nanoTime();
                first.run(List.of(x, y), out, n);
                call[r] = (System.nanoTime() - s) / 1e6;
            }
            double worst = 0;
            for (int i = 0; i < n; i += 997) {
                double a = x.getAtIndex(ValueLayout.JAVA_DOUBLE, i), b = y.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                double want = Math.sqrt(a * a + b * b) * Math.exp(-a) + Math.sin(b);
                worst = Math.max(worst, Math.abs(out.getAtIndex(ValueLayout.JAVA_DOUBLE, i) - want) / Math.max(1, Math.abs(want)));
            }
            OpenClUfunc.Timing parts = first.timedRun(List.of(x, y), out, n, 5);
            for (int r = 0; r < call.length; r++) { // again, after the parts: the whole call with everything warm
                long s = System.nanoTime();
                first.run(List.of(x, y), out, n);
                call[r] = Math.min(call[r], (System.nanoTime() - s) / 1e6);
            }
            double[] heavy = new double[3];
            for (int r = 0; r < heavy.length; r++) {
                long s = System.nanoTime();
                cb.run(List.of(x), out, n);
                heavy[r] = (System.nanoTime() - s) / 1e6;
            }
            double worstCbrt = 0;
            for (int i = 0; i < n; i += 997) {
                double a = x.getAtIndex(ValueLayout.JAVA_DOUBLE, i), got = out.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                if (1.0 + a > 0) worstCbrt = Math.max(worstCbrt, Math.abs(got * got * got - a) / Math.max(1, Math.abs(a)));
            }
            System.out.println();
            System.out.printf("| device | %s |%n|---|---|%n", device);
            System.out.printf("| program build, first (ms) | %.1f |%n", coldMs);
            System.out.printf("| program build, same source again (ms, median of %d) | %.1f |%n", warm.length, median(warm));
            System.out.printf("| wave over %,d float64: whole call, warm (ms, median of %d) | %.2f |%n", n, call.length, median(call));
            System.out.printf("| of which: copies in (ms) | %.2f |%n", parts.inMs());
            System.out.printf("| of which: kernel (ms) | %.2f |%n", parts.kernelMs());
            System.out.printf("| of which: copy out (ms) | %.2f |%n", parts.outMs());
            System.out.printf("| cbrt (40 Newton steps) over %,d float64: whole call (ms, median of %d) | %.2f |%n", n, heavy.length, median(heavy));
            System.out.printf("| largest relative error against Java (wave; cbrt cubed back) | %.1e; %.1e |%n", worst, worstCbrt);
        } finally {
            first.close();
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
