package dev.arrayjit.tests;

import dev.arrayjit.runtime.ArrayJit;
import dev.arrayjit.runtime.KernelException;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.Npy;
import dev.arrayjit.runtime.PyList;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.runtime.Scalar;
import dev.arrayjit.runtime.cli.Main;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only class of the golden suites that touches the runtime's API: loading a kernel file, calling
 * a kernel, converting arguments and results, and running the CLI in-process. Everything else in
 * this package works on {@link NpyData} and the corpus files, so an API change means editing here.
 *
 * <p>API used: {@code ArrayJit.load(Path)}, {@code module.function(name).call(Object...)} (results:
 * {@code Long/Integer/Short/Byte/Double/Float/Boolean}, {@link Scalar} for unsigned types,
 * {@link NDArray}, {@link PyTuple}, {@code null} for None), {@link KernelException#kind()},
 * {@link Npy#read(byte[], String)}, {@link Npy#toBytes(NDArray)},
 * {@link NDArray#view(java.lang.foreign.MemorySegment, Type, long, long[], long[])},
 * {@code Scalar.parse(String)} (the CLI's scalar syntax) and
 * {@code dev.arrayjit.runtime.cli.Main.run(String[], PrintStream, PrintStream) -> exit code}.
 */
final class Bridge {
    private Bridge() {}

    /** A loaded kernel file. */
    interface Loaded {
        Object call(String function, Object[] args) throws Exception;
    }

    static Loaded load(Path file) throws Exception {
        var module = ArrayJit.load(file);
        return (fn, args) -> module.function(fn).call(args);
    }

    static Outcome call(Loaded module, String function, List<Corpus.Arg> args) throws Exception {
        Object[] jargs = new Object[args.size()];
        NDArray[] arrays = new NDArray[args.size()];
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case Corpus.ScalarArg s -> jargs[i] = scalar(s.token());
                case Corpus.ArrayArg a -> jargs[i] = arrays[i] = array(a);
            }
        }
        Object r;
        try {
            r = module.call(function, jargs);
        } catch (KernelException e) {
            return new Outcome.Raised(e.kind(), e.message());
        }
        Map<Integer, NpyData> after = new LinkedHashMap<>();
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] != null) after.put(i, NpyData.parse(Npy.toBytes(arrays[i]), "argument " + i));
        }
        List<NpyData> values = new ArrayList<>();
        java.util.Set<Integer> lists = new java.util.HashSet<>();
        List<Object> parts = r instanceof PyTuple t ? t.items() : r == null ? List.of() : java.util.Collections.singletonList(r);
        for (int j = 0; j < parts.size(); j++) {
            if (parts.get(j) instanceof PyList) lists.add(j);
            values.add(value(parts.get(j), r instanceof PyTuple ? "result element " + j : "result"));
        }
        return new Outcome.Returned(values, r == null, r instanceof PyTuple, lists, after);
    }

    /** A scalar argument from the CLI syntax ({@code 7}, {@code 2.5}, {@code True}, {@code float32:1.5}). */
    static Object scalar(String token) {
        return Scalar.parse(token);
    }

    static NDArray array(Corpus.ArrayArg a) throws IOException {
        if (a.view() == null) return Npy.read(a.npy(), a.member());
        // rebuild the strided view Numba was called with (.npy can only hold a contiguous copy)
        NDArray base = Npy.read(a.view().baseNpy(), a.member() + " (base)");
        int item = base.itemSize();
        long[] strides = a.view().strides().clone();
        for (int k = 0; k < strides.length; k++) strides[k] *= item;
        return NDArray.view(base.segment(), base.dtype(), base.offset() + a.view().offset() * item,
                a.view().shape(), strides);
    }

    /** A returned scalar or array in canonical form; the Java box (or Scalar) tells the dtype. */
    static NpyData value(Object v, String what) {
        return switch (v) {
            case NDArray a -> NpyData.parse(Npy.toBytes(a), what);
            case PyList l -> NpyData.parse(Npy.toBytes(l.array()), what);
            case Boolean b -> NpyData.scalar("bool", b ? 1 : 0);
            case Byte b -> NpyData.scalar("int8", b);
            case Short s -> NpyData.scalar("int16", s);
            case Integer x -> NpyData.scalar("int32", x);
            case Long x -> NpyData.scalar("int64", x);
            case Float f -> NpyData.scalar("float32", Float.floatToRawIntBits(f));
            case Double d -> NpyData.scalar("float64", Double.doubleToRawLongBits(d));
            case dev.arrayjit.runtime.Complex z -> complexValue(z.re(), z.im(), false);
            case Scalar s when s.type() instanceof Type.Complex -> {
                dev.arrayjit.runtime.Complex z = (dev.arrayjit.runtime.Complex) s.value();
                yield complexValue(z.re(), z.im(), true);
            }
            case Scalar s -> scalarValue(s);
            default -> throw new AssertionError(what + ": unexpected Java value " + v + " (" + v.getClass().getName() + ")");
        };
    }

    private static NpyData complexValue(double re, double im, boolean f32) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(f32 ? 8 : 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (f32) bb.putFloat((float) re).putFloat((float) im);
        else bb.putDouble(re).putDouble(im);
        return NpyData.complexAsPairs(f32 ? "complex64" : "complex128", new long[0], bb.array());
    }

    private static NpyData scalarValue(Scalar s) {
        Type t = s.type();
        String dtype = Types.numpyName(t);
        return switch (t) {
            case Type.Bool b -> NpyData.scalar(dtype, s.booleanValue() ? 1 : 0);
            case Type.Float f when f.bits() == 32 -> NpyData.scalar(dtype, Float.floatToRawIntBits((float) s.doubleValue()));
            case Type.Float f -> NpyData.scalar(dtype, Double.doubleToRawLongBits(s.doubleValue()));
            default -> NpyData.scalar(dtype, s.longValue());
        };
    }

    /** Runs {@code arrayjit ARGS...} in this JVM and captures its streams. */
    static Outcome.CliResult cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args.toArray(String[]::new), o, e);
        }
        return new Outcome.CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
