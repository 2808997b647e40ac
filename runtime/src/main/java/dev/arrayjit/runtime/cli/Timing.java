package dev.arrayjit.runtime.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code --repeat} line: {@code timing: compile_ms=<float> first_call_ms=<float> median_call_ms=<float> calls=<N>}.
 * <ul>
 *   <li>{@code first_call_ms}: wall time from starting to read and parse the file to the return of the
 *       first call: parse, typing, code generation, marshalling and the run;</li>
 *   <li>{@code compile_ms}: the part of it spent compiling: parsing and resolving the file, typing and
 *       code generation of the specialization(s) the first call needed, binding the entry point;</li>
 *   <li>{@code median_call_ms}: median wall time of the N further calls, each including argument
 *       marshalling and result unboxing ({@code nan} when N is 0);</li>
 *   <li>{@code calls}: N.</li>
 * </ul>
 */
record Timing(double compileMs, double firstCallMs, double[] callMs) {
    String line() {
        return String.format(Locale.ROOT, "timing: compile_ms=%.3f first_call_ms=%.3f median_call_ms=%s calls=%d",
                compileMs, firstCallMs, callMs.length == 0 ? "nan" : String.format(Locale.ROOT, "%.6f", median()), callMs.length);
    }

    double median() {
        double[] s = callMs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
