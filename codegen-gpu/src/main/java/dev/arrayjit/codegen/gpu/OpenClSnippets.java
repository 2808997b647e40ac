package dev.arrayjit.codegen.gpu;

import dev.arrayjit.typeinfer.ir.AtomicOp;
import java.util.Locale;

/**
 * The OpenCL C of the helper functions generated programs call: Python's integer and float
 * division, bounds-checked offsets and element access, atomics, and the overflow-checked
 * arithmetic of loop pre-checks. {@link OpenClGenerator} decides which a program needs; each is
 * defined once in its preamble. Status protocol: {@code aj_claim} sets the status word to the
 * raising site's id + 1 once; the first claimant then writes the payload.
 */
final class OpenClSnippets {
    private OpenClSnippets() {}

    static final String CLAIM =
            "int aj_claim(__global long* st, int site) { return atomic_cmpxchg((volatile __global int*) st, 0, site + 1) == 0; }";

    static final String FAIL = "int aj_fail(__global long* st, int site, long a, long b, long c) "
            + "{ if (aj_claim(st, site)) { st[1] = a; st[2] = b; st[3] = c; } return 0; }";

    /**
     * How many work-items of the block pass a true predicate, at a barrier: the first work-item
     * clears the kernel's shared counter, every one adds its predicate, all read the sum, and a
     * last barrier keeps the counter until everyone has read it.
     */
    static final String SYNC_COUNT = "int aj_sync_count(__local int* c, int pred) { "
            + "if (get_local_id(0) == 0 && get_local_id(1) == 0 && get_local_id(2) == 0) *c = 0; "
            + "barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE); if (pred) atomic_inc(c); "
            + "barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE); int n = *c; barrier(CLK_LOCAL_MEM_FENCE); return n; }";

    /** Complex multiplication on {@code double2}/{@code float2} (real, imaginary). */
    static String complexMul(String fn, String ty) {
        return ty + " " + fn + "(" + ty + " a, " + ty + " b) { return (" + ty + ")(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }";
    }

    /** Complex division by Smith's algorithm, as CPython's (and the CPU backend's). */
    static String complexDiv(String fn, String ty) {
        String part = ty.startsWith("double") ? "double" : "float";
        return ty + " " + fn + "(" + ty + " a, " + ty + " b) { if (fabs(b.x) >= fabs(b.y)) { "
                + part + " r = b.y / b.x, d = b.x + b.y * r; return (" + ty + ")((a.x + a.y * r) / d, (a.y - a.x * r) / d); } "
                + part + " r = b.x / b.y, d = b.x * r + b.y; return (" + ty + ")((a.x * r + a.y) / d, (a.y * r - a.x) / d); }";
    }

    /**
     * Complex power as CPython computes it: an integral real exponent up to 100 by repeated
     * squaring (so (1+1j)**2 is exactly 2j), anything else in polar form; 0 ** 0 is 1, 0 to another
     * power 0 (NumPy's error model: no exception on the GPU). {@code mul} and {@code div} name the
     * product and quotient helpers of the same type.
     */
    static String complexPow(String fn, String ty, String mul, String div) {
        String part = ty.startsWith("double") ? "double" : "float";
        return ty + " " + fn + "(" + ty + " a, " + ty + " b) { "
                + "if (b.x == 0 && b.y == 0) return (" + ty + ")(1, 0); "
                + "if (a.x == 0 && a.y == 0) return (" + ty + ")(0, 0); "
                + "if (b.y == 0 && b.x == floor(b.x) && fabs(b.x) <= 100) { "
                + "long n = (long) fabs(b.x), mask = 1; " + ty + " r = (" + ty + ")(1, 0), p = a; "
                + "while (mask > 0 && n >= mask) { if (n & mask) r = " + mul + "(r, p); mask <<= 1; p = " + mul + "(p, p); } "
                + "return b.x < 0 ? " + div + "((" + ty + ")(1, 0), r) : r; } "
                + part + " vabs = hypot(a.x, a.y), len = pow(vabs, b.x), at = atan2(a.y, a.x), phase = at * b.x; "
                + "if (b.y != 0) { len /= exp(at * b.y); phase += b.y * log(vabs); } "
                + "return (" + ty + ")(len * cos(phase), len * sin(phase)); }";
    }

    /** A negative index counted from the end. */
    static final String WRAP = "long aj_wrap(long i, long n) { return i < 0 ? i + n : i; }";

    /** Whether both ends of an index range lie in [0, n). */
    static final String FITS = "int aj_fits(long a, long b, long n) { return min(a, b) >= 0 && max(a, b) < n; }";

    static final String NEGO = "long aj_nego(long a, int* o) { *o |= a == LONG_MIN; return (long) (0UL - (ulong) a); }";

    /** {@code aj_addo}, {@code aj_subo}, {@code aj_mulo}: int64 arithmetic that records overflow in {@code *o}. */
    static String overflowChecked(String fn) {
        return switch (fn) {
            case "aj_addo" -> "long aj_addo(long a, long b, int* o) { long r = (long) ((ulong) a + (ulong) b); *o |= ((a ^ r) & (b ^ r)) < 0; return r; }";
            case "aj_subo" -> "long aj_subo(long a, long b, int* o) { long r = (long) ((ulong) a - (ulong) b); *o |= ((a ^ b) & (a ^ r)) < 0; return r; }";
            case "aj_mulo" -> "long aj_mulo(long a, long b, int* o) { long r = (long) ((ulong) a * (ulong) b); *o |= mul_hi(a, b) != (r >> 63); return r; }";
            default -> throw new IllegalArgumentException(fn);
        };
    }

    /**
     * Python's {@code //}, {@code %} and integer {@code **} for {@code ty}: {@code floordiv_int},
     * {@code mod_int} (0 for a zero divisor, as Numba's GPU targets), {@code floordiv_float},
     * {@code mod_float} (CPython's float_floor_div and float_rem, signed zeros included),
     * {@code pow_int}.
     */
    static String arithmetic(String kind, String fn, String ty) {
        return switch (kind) {
            case "floordiv_int" -> ty + " " + fn + "(" + ty + " a, " + ty + " b) { if (b == 0) return 0; " + ty
                    + " q = a / b; return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q; }";
            case "mod_int" -> ty + " " + fn + "(" + ty + " a, " + ty + " b) { if (b == 0) return 0; " + ty
                    + " m = a % b; return (m != 0 && ((m < 0) != (b < 0))) ? m + b : m; }";
            case "floordiv_float" -> ty + " " + fn + "(" + ty + " a, " + ty + " b) { if (b == 0) return a / b; " + ty
                    + " m = fmod(a, b), d = (a - m) / b; if (m != 0 && ((b < 0) != (m < 0))) d -= 1; if (d == 0) return copysign(("
                    + ty + ") 0, a / b); " + ty + " f = floor(d); return d - f > 0.5 ? f + 1 : f; }";
            case "mod_float" -> ty + " " + fn + "(" + ty + " a, " + ty + " b) { " + ty
                    + " m = fmod(a, b); if (m == 0) return copysign((" + ty + ") 0, b); return ((m < 0) != (b < 0)) ? m + b : m; }";
            case "pow_int" -> ty + " " + fn + "(" + ty + " a, " + ty + " b) { " + ty
                    + " r = 1; if (b < 0) return a == 1 ? 1 : (a == -1 ? ((b & 1) ? -1 : 1) : 0); while (b > 0) { if (b & 1) r *= a; a *= a; b >>= 1; } return r; }";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * {@code long fn(i0.., d0..)}: the C-order offset of {@code n} indices into extents, negative
     * indices counted from the end. {@code checked}: with the status buffer and a site first, an
     * index out of bounds claims the status (index, axis, extent) and gives -1.
     */
    static String offset(String fn, int n, boolean checked) {
        StringBuilder def = new StringBuilder("long ").append(fn).append('(');
        StringBuilder ps = new StringBuilder(checked ? "__global long* st, int site" : "");
        for (int k = 0; k < n; k++) ps.append(ps.isEmpty() ? "" : ", ").append("long i").append(k);
        for (int k = 0; k < n; k++) ps.append(", long d").append(k);
        def.append(ps).append(") { long off = 0; ");
        for (int k = 0; k < n; k++) {
            def.append("long j").append(k).append(" = i").append(k).append(" < 0 ? i").append(k).append(" + d").append(k).append(" : i").append(k).append("; ");
            if (checked) {
                def.append("if (j").append(k).append(" < 0 || j").append(k).append(" >= d").append(k).append(") { if (aj_claim(st, site)) { st[1] = i")
                        .append(k).append("; st[2] = ").append(k).append("; st[3] = d").append(k).append("; } return -1; } ");
            }
            def.append("off = off * d").append(k).append(" + j").append(k).append("; ");
        }
        return def.append("return off; }").toString();
    }

    /** An element read through a checked offset: 0 for -1. */
    static String load(String fn, String space, String st) {
        return st + " " + fn + "(" + space + st + "* p, long off) { return off < 0 ? (" + st + ") 0 : p[off]; }";
    }

    /** An element write through a checked offset: nothing for -1. */
    static String store(String fn, String space, String st) {
        return "void " + fn + "(" + space + st + "* p, long off, " + st + " v) { if (off >= 0) p[off] = v; }";
    }

    /**
     * {@code cuda.atomic.<op>} on an element of type {@code st} in {@code space}: OpenCL's atomics for
     * integers ({@code atom_*} for 64-bit ones), a compare-and-swap loop on the bits for floats and
     * CUDA's wrapping inc/dec, a plain update in private memory. Gives the old value (0 for a
     * failed offset, without an update).
     */
    static String atomic(String fn, AtomicOp op, boolean privateMemory, String space, String st, boolean wide, boolean isFloat) {
        String update = switch (op) {
            case ADD -> "old + v";
            case SUB -> "old - v";
            case MIN -> "(v < old ? v : old)";
            case MAX -> "(v > old ? v : old)";
            case EXCH -> "v";
            case AND -> "(old & v)";
            case OR -> "(old | v)";
            case XOR -> "(old ^ v)";
            case INC -> "(old >= v ? 0 : old + 1)";
            case DEC -> "((old == 0 || old > v) ? v : old - 1)";
            case CAS -> "(old == cmp ? v : old)";
        };
        StringBuilder def = new StringBuilder(st).append(' ').append(fn).append('(').append(space).append(st).append("* p, long off, ")
                .append(op == AtomicOp.CAS ? st + " cmp, " : "").append(st).append(" v) { if (off < 0) return (").append(st).append(") 0; ");
        if (privateMemory) return def.append(st).append(" old = p[off]; p[off] = ").append(update).append("; return old; }").toString();
        if (!isFloat && op != AtomicOp.INC && op != AtomicOp.DEC) {
            String name = switch (op) {
                case EXCH -> "xchg";
                case CAS -> "cmpxchg";
                default -> op.name().toLowerCase(Locale.ROOT);
            };
            return def.append("return ").append(wide ? "atom_" : "atomic_").append(name).append("((volatile ").append(space).append(st)
                    .append("*) &p[off], ").append(op == AtomicOp.CAS ? "cmp, " : "").append("v); }").toString();
        }
        String bits = isFloat ? (wide ? "long" : "int") : st;
        String to = isFloat ? (wide ? "as_long" : "as_int") : "", from = isFloat ? (wide ? "as_double" : "as_float") : "";
        String cas = wide ? "atom_cmpxchg" : "atomic_cmpxchg";
        return def.append("volatile ").append(space).append(bits).append("* a = (volatile ").append(space).append(bits).append("*) &p[off]; ")
                .append(bits).append(" seen = *a, want; ").append(st).append(" old; do { want = seen; old = ").append(from)
                .append("(want); seen = ").append(cas).append("(a, want, ").append(to).append("((").append(st).append(") (")
                .append(update).append("))); } while (seen != want); return old; }").toString();
    }
}
