package dev.arrayjit.typeinfer;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.ir.Flags;
import dev.arrayjit.typeinfer.types.Type;
import java.util.List;

/**
 * What the decorator says about a kernel. {@code signatures} are the eager signatures (argument
 * types, then an optional declared return type; empty when compiled lazily per call). {@code layout}
 * is a {@code @guvectorize} kernel's core-dimension layout ({@code "(n),()->(n)"}), else null;
 * {@code identity} a {@code @vectorize} kernel's {@code identity=0} or {@code 1} (what reducing an
 * empty axis gives), else null; {@code target} the decorator's target: {@code cpu}, {@code parallel}
 * or {@code opencl} (Numba's {@code cuda} too).
 */
public record KernelInfo(String name, Kind kind, List<String> params, Flags flags, List<Signature> signatures,
                         Span span, GufuncLayout layout, Integer identity, String target) {
    public KernelInfo(String name, Kind kind, List<String> params, Flags flags, List<Signature> signatures, Span span) {
        this(name, kind, params, flags, signatures, span, null, null, "cpu");
    }

    /**
     * {@code GPU_KERNEL} is a {@code @cuda.jit} kernel, launched over a grid; {@code GPU_DEVICE} a
     * {@code @cuda.jit(device=True)} function, called only from GPU code.
     */
    public enum Kind {
        JIT, VECTORIZE, GUVECTORIZE, GPU_KERNEL, GPU_DEVICE;

        /** Whether this runs only on a GPU (may use cuda.* intrinsics). */
        public boolean gpu() { return this == GPU_KERNEL || this == GPU_DEVICE; }
    }

    /** One eager signature: {@code returnType} is null when the string gave none. */
    public record Signature(List<Type> args, Type returnType) {
        /** NumPy's notation of the signature as a ufunc loop: {@code dd->d}. */
        public String loopLetters() {
            StringBuilder sb = new StringBuilder();
            for (Type t : args) sb.append(letter(t));
            return sb.append("->").append(returnType == null ? "?" : letter(returnType)).toString();
        }

        private static char letter(Type t) {
            return switch (t.toString()) {
                case "bool" -> '?';
                case "int8" -> 'b';
                case "uint8" -> 'B';
                case "int16" -> 'h';
                case "uint16" -> 'H';
                case "int32" -> 'i';
                case "uint32" -> 'I';
                case "int64" -> 'l';
                case "uint64" -> 'L';
                case "float32" -> 'f';
                case "float64" -> 'd';
                case "complex64" -> 'F';
                case "complex128" -> 'D';
                default -> 'O';
            };
        }
    }

    /** The loops of a {@code @vectorize} kernel's signatures in NumPy's notation: {@code dd->d, ff->f}. */
    public String loops() {
        return String.join(", ", signatures.stream().map(Signature::loopLetters).toList());
    }
}
