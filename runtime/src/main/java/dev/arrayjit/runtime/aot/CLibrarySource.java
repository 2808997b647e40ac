package dev.arrayjit.runtime.aot;

import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The C side of an ahead-of-time library: its header (the documented C ABI) and the C source that
 * wraps each exported entry point ({@code arrayjit_entry_<name>}, following {@link Abi}) in a C
 * function of C types, with the run-time support of {@code arrayjit_rt.c} and a manifest that
 * {@link KernelLibrary} reads back.
 *
 * <p>The ABI of an export {@code int NAME(params..., results...)}: numbers as their C types
 * ({@code bool}, {@code int8_t} ... {@code uint64_t}, {@code float}, {@code double}); arrays as
 * {@code const aj_array *} (data, ndim, shape, byte strides); the result through out-parameters
 * after the arguments ({@code result}, or {@code result0}, {@code result1} ... for a tuple), an
 * array result owning its memory until {@code arrayjit_array_free} (of results sharing one block the
 * first owns it). The return value is 0, or 1
 * when the kernel raised or an argument did not fit, with the message in {@code arrayjit_error()}.
 */
final class CLibrarySource {
    private CLibrarySource() {}

    /** The most dimensions an {@code aj_array} holds. */
    static final int MAX_DIMS = 8;

    /** One export: its C name, the kernel's parameter names, types, result, and source line. */
    record Entry(String name, String kernel, List<String> params, List<Type> args, Type result, Type declaredResult, String where,
                 boolean loop, boolean random) {
        String entrySymbol() { return "arrayjit_entry_" + name; }
    }

    /** Why a type cannot cross the C ABI, or null when it can. */
    static String unsupported(Type t, boolean result) {
        return switch (t) {
            case Type.Bool b -> null;
            case Type.Int i -> null;
            case Type.Float f -> null;
            case Type.Complex c -> null;
            case Type.Array a -> a.ndim() > MAX_DIMS ? "arrays of more than " + MAX_DIMS + " dimensions" : null;
            case Type.ListOf l when result -> null;
            case Type.Tuple tu when result -> tu.elements().stream().map(e -> e instanceof Type.Tuple ? "nested tuples" : unsupported(e, true))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            case Type.None n when result -> null;
            default -> t + (result ? " results" : " arguments");
        };
    }

    static String cType(Type t) {
        return switch (t) {
            case Type.Bool b -> "bool";
            case Type.Int i -> (i.signed() ? "int" : "uint") + i.bits() + "_t";
            case Type.Float f -> f.bits() == 32 ? "float" : "double";
            case Type.Complex c -> c.bits() == 64 ? "aj_complex64" : "aj_complex128";
            default -> "aj_array";
        };
    }

    /**
     * The C prototype of an export. A ufunc's array loop takes the length, then per input and the
     * output a pointer and a stride in bytes: {@code int f(int64_t n, const double *x, int64_t
     * x_stride, ..., double *out, int64_t out_stride)}.
     */
    static String prototype(Entry e) {
        List<String> ps = new ArrayList<>();
        if (e.loop()) {
            ps.add("int64_t n");
            for (int i = 0; i < e.args().size(); i++) {
                Type d = ((Type.Array) e.args().get(i)).dtype();
                boolean out = i == e.args().size() - 1;
                ps.add((out ? "" : "const ") + cType(d) + " *" + e.params().get(i));
                ps.add("int64_t " + e.params().get(i) + "_stride");
            }
            return "int " + e.name() + "(" + String.join(", ", ps) + ")";
        }
        for (int i = 0; i < e.args().size(); i++) {
            Type t = e.args().get(i);
            ps.add(t instanceof Type.Array ? "const aj_array *" + e.params().get(i) : cType(t) + " " + e.params().get(i));
        }
        List<Type> results = results(e.declaredResult());
        for (int j = 0; j < results.size(); j++) {
            ps.add(cType(results.get(j)) + " *result" + (results.size() == 1 ? "" : Integer.toString(j)));
        }
        return "int " + e.name() + "(" + (ps.isEmpty() ? "void" : String.join(", ", ps)) + ")";
    }

    /** The values a result type crosses as: none, one, or a tuple's elements (a list as a 1-D array). */
    private static List<Type> results(Type t) {
        return switch (t) {
            case Type.None n -> List.of();
            case Type.Tuple tu -> tu.elements().stream().map(CLibrarySource::asArray).toList();
            default -> List.of(asArray(t));
        };
    }

    private static Type asArray(Type t) {
        return t instanceof Type.ListOf l ? new Type.Array(l.element(), 1, Layout.A, false) : t;
    }

    private static String describe(Type t) {
        return t instanceof Type.Array a ? Types.numpyName(a.dtype()) + " array, " + a.ndim() + "-D" + switch (a.layout()) {
            case C -> ", C-contiguous";
            case F -> ", Fortran-contiguous";
            default -> "";
        } : t.toString();
    }

    static String header(String guard, String headerName, String sourceName, List<Entry> entries) {
        StringBuilder h = new StringBuilder();
        h.append("/*\n * ").append(headerName).append(": generated by arrayjit from ").append(sourceName).append(".\n")
                .append(" *\n")
                .append(" * Each function returns 0, or 1 when the kernel raised or an argument did not fit; then\n")
                .append(" * arrayjit_error() gives the exception (\"IndexError: index 9 is out of bounds ... (at file.py:4:9)\").\n")
                .append(" * Arrays are aj_array: data, ndim, shape, strides in bytes. An array result owns its memory\n")
                .append(" * until arrayjit_array_free() (when results share memory, the first owns it). Results are written\n")
                .append(" * through the out-parameters after the arguments.\n")
                .append(" * The library needs only libc, libm and pthreads; the functions are safe to call from several threads.\n */\n");
        h.append("#ifndef ").append(guard).append("_H\n#define ").append(guard).append("_H\n\n");
        h.append("#include <stdbool.h>\n#include <stdint.h>\n\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
        h.append("#ifndef ARRAYJIT_ARRAY_DEFINED\n#define ARRAYJIT_ARRAY_DEFINED\n#define AJ_MAX_DIMS ").append(MAX_DIMS).append('\n');
        h.append("typedef struct aj_array {\n    void *data;                   /* the first element */\n")
                .append("    int64_t ndim;\n    int64_t shape[AJ_MAX_DIMS];\n    int64_t strides[AJ_MAX_DIMS]; /* in bytes */\n")
                .append("    void *owner;                  /* of a result: the block arrayjit_array_free releases; else NULL */\n} aj_array;\n")
                .append("/* Complex numbers as NumPy lays them out: the real part, then the imaginary one. */\n")
                .append("typedef struct aj_complex128 { double re, im; } aj_complex128;\n")
                .append("typedef struct aj_complex64 { float re, im; } aj_complex64;\n#endif\n\n");
        h.append("/* The exception of this thread's last failed call, or \"\". */\nconst char *arrayjit_error(void);\n");
        h.append("/* Frees the memory of an array a function returned. */\nvoid arrayjit_array_free(aj_array *a);\n");
        h.append("/* Threads for parallel loops (default: ARRAYJIT_NUM_THREADS, else every core). */\nvoid arrayjit_set_num_threads(int n);\n\n");
        for (Entry e : entries) {
            if (e.loop()) {
                Type out = ((Type.Array) e.args().get(e.args().size() - 1)).dtype();
                h.append("/* ufunc ").append(e.kernel()).append(" over n elements: out[k] = ").append(e.kernel()).append('(');
                for (int i = 0; i < e.args().size() - 1; i++) {
                    h.append(i == 0 ? "" : ", ").append(e.params().get(i)).append("[k]: ").append(((Type.Array) e.args().get(i)).dtype());
                }
                h.append(") -> ").append(out).append(", strides in bytes; ").append(e.where()).append(" */\n");
                h.append(prototype(e)).append(";\n\n");
                continue;
            }
            h.append("/* ").append(e.kernel()).append('(');
            for (int i = 0; i < e.args().size(); i++) h.append(i == 0 ? "" : ", ").append(e.params().get(i)).append(": ").append(describe(e.args().get(i)));
            h.append(") -> ").append(describe(e.declaredResult())).append("; ").append(e.where()).append(" */\n");
            h.append(prototype(e)).append(";\n\n");
        }
        h.append("#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
        return h.toString();
    }

    static String source(String header, List<Entry> entries, List<ErrorSite> sites, String manifest) {
        StringBuilder c = new StringBuilder(header).append('\n');
        c.append("typedef struct aj_site { const char *kind; const char *message; const char *where; } aj_site;\n");
        c.append("static const aj_site aj_sites[] = {\n");
        for (int id = 0; id < sites.size(); id++) {
            ErrorSite s = sites.get(id);
            c.append("    {").append(literal(s.kind().name())).append(", ").append(literal(s.message())).append(", ")
                    .append(literal(s.span() == null ? "?" : s.span().where())).append("},\n");
        }
        if (sites.isEmpty()) c.append("    {\"\", \"\", \"\"},\n");
        c.append("};\nstatic const int64_t aj_site_count = ").append(sites.size()).append(";\n\n");
        c.append(runtimeText());
        c.append("\nconst char arrayjit_manifest[] = ").append(literal(manifest)).append(";\n");
        for (Entry e : entries) c.append('\n').append(wrapper(e));
        return c.toString();
    }

    private static String wrapper(Entry e) {
        if (e.loop()) return loopWrapper(e);
        int argSlots = e.args().stream().mapToInt(Abi::slots).sum(), retSlots = Abi.slots(e.result());
        StringBuilder c = new StringBuilder();
        c.append("extern int32_t ").append(e.entrySymbol()).append("(int64_t *ctx, int64_t *args, int64_t *ret);\n\n");
        c.append(prototype(e)).append(" {\n");
        c.append("    int64_t aj_args[").append(Math.max(1, argSlots)).append("] = {0}, aj_ret[").append(Math.max(1, retSlots)).append("] = {0};\n");
        List<String> arrayParams = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < e.args().size(); i++) {
            Type t = e.args().get(i);
            String p = e.params().get(i);
            if (t instanceof Type.Array a) {
                char layout = a.layout() == Layout.C ? 'C' : a.layout() == Layout.F ? 'F' : 'A';
                c.append("    if (!aj_check_array(").append(p).append(", ").append(literal(p)).append(", ").append(a.ndim()).append(", ")
                        .append(Types.sizeOf(a.dtype())).append(", '").append(layout).append("')) return 1;\n");
                c.append("    aj_put_array(&aj_args[").append(s).append("], ").append(p).append(");\n");
                arrayParams.add(p);
            } else if (t instanceof Type.Complex) { // two slots: the real part, then the imaginary one
                c.append("    memcpy(&aj_args[").append(s).append("], &").append(p).append(".re, sizeof ").append(p).append(".re); memcpy(&aj_args[")
                        .append(s + 1).append("], &").append(p).append(".im, sizeof ").append(p).append(".im);\n");
            } else if (t instanceof Type.Bool) {
                c.append("    { uint8_t aj_v = ").append(p).append(" ? 1 : 0; memcpy(&aj_args[").append(s).append("], &aj_v, 1); }\n");
            } else {
                c.append("    memcpy(&aj_args[").append(s).append("], &").append(p).append(", sizeof ").append(p).append(");\n");
            }
            s += Abi.slots(t);
        }
        List<Type> declared = results(e.declaredResult()), actual = results(e.result());
        for (int j = 0; j < declared.size(); j++) {
            String r = "result" + (declared.size() == 1 ? "" : Integer.toString(j));
            c.append("    if (").append(r).append(" == NULL) { snprintf(aj_error_text, sizeof aj_error_text, \"TypeError: ")
                    .append(r).append(" is NULL\"); return 1; }\n");
        }
        c.append("    int64_t aj_ctx[AJ_CTX_SLOTS];\n    aj_ctx_init(aj_ctx, ").append(e.random()).append(");\n");
        c.append("    if (").append(e.entrySymbol()).append("(aj_ctx, aj_args, aj_ret) != 0) {\n        aj_set_error(aj_ctx);\n")
                .append("        aj_ctx_release(aj_ctx, NULL, 0);\n        return 1;\n    }\n");
        c.append("    const aj_array *aj_in[").append(Math.max(1, arrayParams.size())).append("] = {")
                .append(arrayParams.isEmpty() ? "NULL" : String.join(", ", arrayParams)).append("};\n");
        c.append("    void *aj_keep[").append(Math.max(1, declared.size())).append("];\n    int aj_kept = 0;\n    bool aj_ok = true;\n");
        s = 0;
        List<String> arrayResults = new ArrayList<>();
        for (int j = 0; j < declared.size(); j++) {
            String r = "result" + (declared.size() == 1 ? "" : Integer.toString(j));
            Type t = actual.get(j), want = declared.get(j);
            if (t instanceof Type.Array a) {
                c.append("    aj_get_array(").append(r).append(", &aj_ret[").append(s).append("], ").append(a.ndim()).append(");\n");
                c.append("    aj_keep[aj_kept++] = ").append(r).append("->owner;\n");
                c.append("    aj_ok = aj_ok && aj_own_result(").append(r).append(", ").append(Types.sizeOf(a.dtype())).append(", aj_in, ")
                        .append(arrayParams.size()).append(");\n");
                // Results sharing one block (return x, x[1:]): the first owns it, so it is freed once.
                for (String earlier : arrayResults) {
                    c.append("    if (").append(r).append("->owner == ").append(earlier).append("->owner) ").append(r).append("->owner = NULL;\n");
                }
                arrayResults.add(r);
            } else if (t instanceof Type.Complex || want instanceof Type.Complex) {
                c.append("    { ").append(cType(want)).append(" aj_v = {0}; ").append(complexRead(t, want, s)).append(" *").append(r).append(" = aj_v; }\n");
            } else if (t instanceof Type.Bool) {
                c.append("    { uint8_t aj_v; memcpy(&aj_v, &aj_ret[").append(s).append("], 1); *").append(r).append(" = (").append(cType(want))
                        .append(") (aj_v != 0); }\n");
            } else {
                c.append("    { ").append(cType(t)).append(" aj_v; memcpy(&aj_v, &aj_ret[").append(s).append("], sizeof aj_v); *").append(r)
                        .append(" = (").append(cType(want)).append(") aj_v; }\n");
            }
            s += Abi.slots(e.result() instanceof Type.Tuple tu ? tu.elements().get(j) : e.result());
        }
        c.append("    aj_ctx_release(aj_ctx, aj_keep, aj_kept);\n    return aj_ok ? 0 : 1;\n}\n");
        return c.toString();
    }

    /** C statements that read a result of type {@code t} at slot {@code s} into {@code aj_v} of complex type {@code want}. */
    private static String complexRead(Type t, Type want, int s) {
        String part = ((Type.Complex) want).bits() == 64 ? "float" : "double";
        if (t instanceof Type.Complex c) {
            String got = c.bits() == 64 ? "float" : "double";
            return "{ " + got + " aj_re, aj_im; memcpy(&aj_re, &aj_ret[" + s + "], sizeof aj_re); memcpy(&aj_im, &aj_ret[" + (s + 1)
                    + "], sizeof aj_im); aj_v.re = (" + part + ") aj_re; aj_v.im = (" + part + ") aj_im; }";
        }
        if (t instanceof Type.Bool) return "{ uint8_t aj_b; memcpy(&aj_b, &aj_ret[" + s + "], 1); aj_v.re = aj_b != 0; }";
        return "{ " + cType(t) + " aj_re; memcpy(&aj_re, &aj_ret[" + s + "], sizeof aj_re); aj_v.re = (" + part + ") aj_re; }";
    }

    /** A ufunc's array loop: each pointer, n and its stride become a 1-D array argument of the entry. */
    private static String loopWrapper(Entry e) {
        int argSlots = e.args().stream().mapToInt(Abi::slots).sum(), retSlots = Abi.slots(e.result());
        StringBuilder c = new StringBuilder();
        c.append("extern int32_t ").append(e.entrySymbol()).append("(int64_t *ctx, int64_t *args, int64_t *ret);\n\n");
        c.append(prototype(e)).append(" {\n");
        c.append("    int64_t aj_args[").append(argSlots).append("] = {0}, aj_ret[").append(Math.max(1, retSlots)).append("] = {0};\n");
        c.append("    if (n < 0) { snprintf(aj_error_text, sizeof aj_error_text, \"ValueError: negative length %lld\", (long long) n); return 1; }\n");
        for (int i = 0; i < e.args().size(); i++) {
            String p = e.params().get(i);
            c.append("    aj_args[").append(4 * i + 1).append("] = (int64_t) (intptr_t) ").append(p).append("; aj_args[").append(4 * i + 2)
                    .append("] = n; aj_args[").append(4 * i + 3).append("] = ").append(p).append("_stride;\n");
        }
        c.append("    int64_t aj_ctx[AJ_CTX_SLOTS];\n    aj_ctx_init(aj_ctx, ").append(e.random()).append(");\n");
        c.append("    int aj_status = ").append(e.entrySymbol()).append("(aj_ctx, aj_args, aj_ret);\n");
        c.append("    if (aj_status != 0) aj_set_error(aj_ctx);\n    aj_ctx_release(aj_ctx, NULL, 0);\n    return aj_status != 0;\n}\n");
        return c.toString();
    }

    /**
     * C names for a kernel's parameters: a Python name that is a C keyword, uses the library's
     * {@code aj_} prefix, or is one of the wrapper's own names ({@code result...}; for an array loop
     * {@code n}, {@code out}, {@code *_stride}) gets a trailing underscore.
     */
    static List<String> cNames(List<String> params, boolean loop) {
        List<String> out = new ArrayList<>();
        for (String p : params) {
            boolean clash = C_KEYWORDS.contains(p) || p.startsWith("aj_") || p.startsWith("arrayjit_") || p.matches("result\\d*")
                    || loop && (p.equals("n") || p.equals("out") || p.endsWith("_stride"));
            out.add(clash ? p + "_" : p);
        }
        return out;
    }

    static final java.util.Set<String> C_KEYWORDS = java.util.Set.of("auto", "break", "case", "char", "const", "continue", "default",
            "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict",
            "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile",
            "while", "bool", "true", "false", "main", "NULL");

    /** The manifest {@link KernelLibrary} reads: the source, then one line per export and per error site. */
    static String manifest(String sourceName, String sourceText, List<Entry> entries, List<ErrorSite> sites) {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder m = new StringBuilder("arrayjit-library 1\n");
        m.append("source\t").append(b64.encodeToString(sourceName.getBytes(StandardCharsets.UTF_8))).append('\t')
                .append(b64.encodeToString(sourceText.getBytes(StandardCharsets.UTF_8))).append('\n');
        for (Entry e : entries) {
            m.append("export\t").append(e.name()).append('\t').append(e.entrySymbol()).append('\t').append(e.kernel()).append('\t')
                    .append(String.join(",", e.params())).append('\t')
                    .append(String.join(";", e.args().stream().map(Type::toString).toList())).append('\t').append(e.result()).append('\n');
        }
        for (ErrorSite s : sites) {
            m.append("site\t").append(s.id()).append('\t').append(s.kind().name()).append('\t')
                    .append(s.span() == null ? -1 : s.span().start()).append('\t').append(s.span() == null ? -1 : s.span().end()).append('\t')
                    .append(b64.encodeToString(s.message() == null ? new byte[0] : s.message().getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        return m.toString();
    }

    /** A C string literal. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int ch = b & 0xff;
            if (ch == '"' || ch == '\\') sb.append('\\').append((char) ch);
            else if (ch == '\n') sb.append("\\n\"\n    \"");
            else if (ch == '\t') sb.append("\\t");
            else if (ch < 32 || ch >= 127) sb.append(String.format("\\%03o", ch));
            else if (ch == '?') sb.append("\\?"); // no trigraphs
            else sb.append((char) ch);
        }
        return sb.append('"').toString();
    }

    private static String runtimeText() {
        try (InputStream in = CLibrarySource.class.getResourceAsStream("arrayjit_rt.c")) {
            if (in == null) throw new IllegalStateException("arrayjit_rt.c is missing from the runtime's resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
