package dev.arrayjit.runtime.aot;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.typeinfer.AotExportDecl;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.Program;
import dev.arrayjit.typeinfer.backend.Backend;
import dev.arrayjit.typeinfer.backend.CompileOptions;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.types.Type;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ahead-of-time compilation of a Numba source file to a shared library with a C header: the
 * exports (from the command line, else Numba's {@code pycc} exports in the source, else every eager
 * signature) typed and lowered as for the JIT, compiled by the CPU backend to one object file for
 * the chosen CPU, wrapped in C functions of C types ({@link CLibrarySource}) and linked by the
 * system's C compiler. Nothing is written unless everything succeeds.
 */
public final class AotCompiler {
    private AotCompiler() {}

    /** What a build made: the files, the exported names, and how long it took. */
    public record Result(Path library, Path header, List<String> exports, long millis) {}

    private static final Pattern C_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /**
     * Functions of the C library and libm a program is likely to call: an export of that name would
     * clash with the headers or, worse, replace the C library's function for the whole program.
     */
    private static final Set<String> LIBC_NAMES = Set.of("abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "atof",
            "atoi", "atol", "cbrt", "ceil", "calloc", "clock", "copysign", "cos", "cosh", "erf", "erfc", "exit", "exp", "exp2", "expm1",
            "fabs", "fdim", "floor", "fma", "fmax", "fmin", "fmod", "free", "frexp", "getenv", "hypot", "ldexp", "lgamma", "llabs",
            "log", "log10", "log1p", "log2", "lround", "malloc", "memcmp", "memcpy", "memmove", "memset", "modf", "nan", "nearbyint",
            "nextafter", "pow", "printf", "puts", "qsort", "rand", "random", "realloc", "remainder", "rint", "round", "scalbn", "sin",
            "sinh", "sleep", "sqrt", "srand", "strcmp", "strcpy", "strlen", "system", "tan", "tanh", "tgamma", "time", "trunc",
            "write", "read", "open", "close", "signal", "raise", "abort", "index", "div");

    /** An export before typing: the C name, the kernel, its signature, and where it was asked for (null: the command line). */
    private record Request(String name, String kernel, KernelInfo.Signature signature, Span span, String origin, boolean loop) {
        Request(String name, String kernel, KernelInfo.Signature signature, Span span, String origin) {
            this(name, kernel, signature, span, origin, false);
        }
    }

    /**
     * Builds {@code out} and {@code header} from {@code source}.
     * @param exports {@code NAME:SIGNATURE} requests from the command line (empty: from the source)
     * @param cpu {@code baseline}, {@code native} or a CPU name
     * @throws CompileException for type errors, bad or clashing export names (with their place)
     * @throws AotException when there is nothing to export, no C compiler, or linking fails
     */
    public static Result build(Path source, List<String> exports, String cpu, Path out, Path header) throws IOException {
        long t0 = System.nanoTime();
        SourceFile file = SourceFile.read(source);
        Program program = Program.load(file);
        List<Request> requests = requests(program, exports);
        List<CLibrarySource.Entry> entries = new ArrayList<>();
        List<CompileUnit> units = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Request> names = new LinkedHashMap<>();
        for (Request r : requests) {
            Request clash = names.putIfAbsent(r.name(), r);
            String bad = !C_NAME.matcher(r.name()).matches() ? "'" + r.name() + "' is not a C identifier"
                    : CLibrarySource.C_KEYWORDS.contains(r.name()) || r.name().startsWith("arrayjit_") || r.name().startsWith("aj_")
                    ? "'" + r.name() + "' is reserved (a C keyword, or the arrayjit_/aj_ prefix of the library's own symbols)"
                    : LIBC_NAMES.contains(r.name()) ? "'" + r.name() + "' is a C library function: exporting it would clash with it or "
                            + "replace it for the whole program"
                    : clash != null ? "two exports are named '" + r.name() + "' (" + clash.origin() + " and " + r.origin() + ")" : null;
            if (bad != null) {
                problems.add(Diagnostic.error("aot.export.name", r.span() != null ? r.span() : program.kernel(r.kernel()).span(), bad,
                        "give each export its own C name"));
                continue;
            }
            KernelInfo info = program.kernel(r.kernel());
            if (r.loop()) {
                entries.add(loopEntry(program, r, info, units));
                continue;
            }
            CompileUnit unit = program.lower(program.specialize(r.kernel(), r.signature().args()));
            Type result = unit.entry().returnType();
            Type declared = r.signature().returnType() == null ? result : r.signature().returnType();
            String why = firstUnsupported(r.signature().args(), false);
            if (why == null) why = CLibrarySource.unsupported(result, true);
            if (why != null) {
                problems.add(Diagnostic.error("aot.export.type", r.span() != null ? r.span() : info.span(),
                        "cannot export " + r.name() + ": " + why + " do not cross the C ABI yet", "export a signature of numbers and arrays"));
                continue;
            }
            if (!compatible(declared, result)) {
                problems.add(Diagnostic.error("aot.export.type", r.span() != null ? r.span() : info.span(), "cannot export " + r.name()
                        + ": the signature declares the result " + declared + " but '" + r.kernel() + "' returns " + result,
                        "declare " + result + " as the result, or leave the result out of the signature"));
                continue;
            }
            units.add(unit);
            entries.add(new CLibrarySource.Entry(r.name(), r.kernel(), CLibrarySource.cNames(info.params(), false), r.signature().args(),
                    result, declared, info.span() == null ? file.name() : info.span().where(), false, usesRandom(unit)));
        }
        if (!problems.isEmpty()) throw new CompileException(problems);

        List<ErrorSite> sites = units.stream().map(CompileUnit::sites).max(Comparator.comparingInt(List::size)).orElse(List.of());
        byte[] object = cpuBackend().compileObject(units, entries.stream().map(CLibrarySource.Entry::entrySymbol).toList(),
                new CompileOptions(3, false, Set.of()), cpu);
        String guard = guard(header);
        String h = CLibrarySource.header(guard, header.getFileName().toString(), file.name(), entries);
        String c = CLibrarySource.source(h, entries, sites, CLibrarySource.manifest(file.name(), file.text(), entries, sites));
        link(object, c, h, out, header);
        return new Result(out, header, entries.stream().map(CLibrarySource.Entry::name).toList(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * A {@code @vectorize} signature as an array loop: the ufunc applied to 1-D strided inputs,
     * written into a 1-D strided output (NumPy's {@code out=} with same-kind casting).
     */
    private static CLibrarySource.Entry loopEntry(Program program, Request r, KernelInfo info, List<CompileUnit> units) {
        List<Type> in = r.signature().args();
        Type ret = r.signature().returnType();
        for (Type t : in) {
            if (!t.isScalar() || t instanceof Type.Complex) {
                throw new CompileException(Diagnostic.error("aot.export.type", r.span(), "cannot export " + r.name()
                        + " as an array loop: its arguments must be numbers, not " + t, "give the ufunc a signature of numbers"));
            }
        }
        List<Type> arrays = in.stream().<Type>map(t -> new Type.Array(t, 1, dev.arrayjit.typeinfer.types.Layout.A, false)).toList();
        Type.Array out = new Type.Array(ret, 1, dev.arrayjit.typeinfer.types.Layout.A, false);
        CompileUnit unit = program.lower(program.specializeUfunc(r.kernel(),
                new dev.arrayjit.typeinfer.UfuncRequest(dev.arrayjit.typeinfer.UfuncRequest.Method.CALL, arrays, in, out, 0, info.flags().parallel())));
        units.add(unit);
        List<Type> args = new ArrayList<>(arrays);
        args.add(out);
        List<String> params = new ArrayList<>(CLibrarySource.cNames(info.params(), true));
        params.add("out");
        return new CLibrarySource.Entry(r.name(), r.kernel(), params, args, unit.entry().returnType(), dev.arrayjit.typeinfer.types.Types.NONE,
                info.span() == null ? "" : info.span().where(), true, usesRandom(unit));
    }

    /** Whether any function of the unit draws random numbers (reads the thread's random state). */
    private static boolean usesRandom(CompileUnit unit) {
        return unit.functions().stream().anyMatch(f -> dev.arrayjit.typeinfer.ir.Exprs.anyExpr(f.body(),
                e -> e instanceof dev.arrayjit.typeinfer.ir.TExpr.RandomState));
    }

    /** A declared result the C wrapper can give: numbers convert; arrays need the dtype and rank; tuples element by element. */
    private static boolean compatible(Type declared, Type actual) {
        if (actual instanceof Type.Complex && !(declared instanceof Type.Complex)) return false; // no complex to real, as Numba
        if (declared.equals(actual) || declared.isScalar() && actual.isScalar()) return true;
        if (declared instanceof Type.Array d && actual instanceof Type.Array a) return d.dtype().equals(a.dtype()) && d.ndim() == a.ndim();
        if (declared instanceof Type.Array d && actual instanceof Type.ListOf l) return d.ndim() == 1 && d.dtype().equals(l.element());
        if (declared instanceof Type.Tuple d && actual instanceof Type.Tuple a && d.elements().size() == a.elements().size()) {
            for (int i = 0; i < d.elements().size(); i++) if (!compatible(d.elements().get(i), a.elements().get(i))) return false;
            return true;
        }
        return false;
    }

    private static String firstUnsupported(List<Type> args, boolean result) {
        for (Type t : args) {
            String why = CLibrarySource.unsupported(t, result);
            if (why != null) return why;
        }
        return null;
    }

    /** The exports: the command line's, else the source's pycc exports, else every eager signature. */
    private static List<Request> requests(Program program, List<String> cli) {
        List<Request> out = new ArrayList<>();
        if (!cli.isEmpty()) {
            Map<String, Integer> perKernel = new LinkedHashMap<>();
            List<String[]> parsed = new ArrayList<>();
            for (String spec : cli) {
                int colon = spec.indexOf(':');
                if (colon <= 0 || colon == spec.length() - 1) {
                    throw new AotException("--export " + spec + ": write NAME:SIGNATURE, e.g. --export mult:f8(f8,f8)", true);
                }
                String kernel = spec.substring(0, colon).trim();
                if (program.kernel(kernel) == null) {
                    throw new AotException("--export " + spec + ": " + program.file().name() + " has no kernel '" + kernel + "' (kernels: "
                            + String.join(", ", program.kernels().stream().map(KernelInfo::name).toList()) + ")", true);
                }
                perKernel.merge(kernel, 1, Integer::sum);
                parsed.add(new String[] {kernel, spec.substring(colon + 1).trim(), spec});
            }
            for (String[] p : parsed) {
                KernelInfo.Signature sig = program.parseSignature(p[1], "--export " + p[2]);
                String name = perKernel.get(p[0]) > 1 ? p[0] + "__" + suffix(sig.args()) : p[0];
                boolean loop = program.kernel(p[0]).kind() == KernelInfo.Kind.VECTORIZE;
                out.add(new Request(name, p[0], sig, null, "--export " + p[2], loop));
            }
            return out;
        }
        for (AotExportDecl d : program.pyccExports()) {
            out.add(new Request(d.name(), d.kernel(), d.signature(), d.span(), "the export at " + d.span().where()));
        }
        if (!out.isEmpty()) return out;
        for (KernelInfo k : program.kernels()) {
            boolean loop = k.kind() == KernelInfo.Kind.VECTORIZE;
            if (k.kind() != KernelInfo.Kind.JIT && !loop) continue;
            for (KernelInfo.Signature sig : k.signatures()) {
                String name = k.signatures().size() > 1 ? k.name() + "__" + suffix(sig.args()) : k.name();
                out.add(new Request(name, k.name(), sig, k.span(), "the signature of " + k.name() + " at " + k.span().where(), loop));
            }
        }
        if (out.isEmpty()) {
            throw new AotException(program.file().name() + " exports nothing: give --export NAME:SIGNATURE, Numba's pycc exports "
                    + "(cc = CC('name'), @cc.export('mult', 'f8(f8, f8)')) or signatures in @njit(\"f8(f8, f8)\")", false);
        }
        return out;
    }

    /**
     * The suffix that tells several exports of one kernel apart: per argument NumPy's type letter
     * ({@code d} float64, {@code f} float32, {@code l} int64, {@code i} int32, {@code ?} as {@code b}ool
     * ...), an array's followed by its dimensions ({@code d2} a 2-D float64 array).
     */
    static String suffix(List<Type> args) {
        StringBuilder sb = new StringBuilder();
        for (Type t : args) {
            Type d = t instanceof Type.Array a ? a.dtype() : t;
            String letters = new KernelInfo.Signature(List.of(d), d).loopLetters();
            char letter = letters.charAt(0);
            sb.append(letter == '?' ? "b" : Character.toString(letter));
            if (t instanceof Type.Array a) sb.append(a.ndim());
        }
        return sb.toString();
    }

    /** The include guard: ARRAYJIT_ and the header's name ({@code 3d-lib.h} → {@code ARRAYJIT_3D_LIB_H}, a valid macro). */
    private static String guard(Path header) {
        String base = header.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return "ARRAYJIT_" + base.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Backend cpuBackend() {
        for (Backend b : ServiceLoader.load(Backend.class, AotCompiler.class.getClassLoader())) {
            if (b.name().equals("cpu")) return b;
        }
        throw new AotException("no CPU backend on the class path (codegen-llvm)", false);
    }

    /** Writes the object and C source to a scratch directory, links them with {@code cc}, then moves the outputs into place. */
    private static void link(byte[] object, String c, String h, Path out, Path header) throws IOException {
        Path cc = findCompiler();
        Path dir = Files.createTempDirectory("arrayjit-aot");
        try {
            Files.write(dir.resolve("kernels.o"), object);
            Files.writeString(dir.resolve("library.c"), c, StandardCharsets.UTF_8);
            Path so = dir.resolve("library.so");
            List<String> cmd = List.of(cc.toString(), "-shared", "-fPIC", "-O2", "-o", so.toString(), dir.resolve("library.c").toString(),
                    dir.resolve("kernels.o").toString(), "-lm", "-lpthread");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AotException("the C compiler " + cc + " did not finish in 5 minutes", false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AotException("interrupted while linking", false);
            }
            if (p.exitValue() != 0) {
                throw new AotException("linking with " + cc + " failed (exit " + p.exitValue() + "):\n" + log.strip(), false);
            }
            Path headerTmp = dir.resolve("library.h");
            Files.writeString(headerTmp, h, StandardCharsets.UTF_8);
            Path outDir = out.toAbsolutePath().getParent(), headerDir = header.toAbsolutePath().getParent();
            if (outDir != null) Files.createDirectories(outDir);
            if (headerDir != null) Files.createDirectories(headerDir);
            Files.move(so, out, StandardCopyOption.REPLACE_EXISTING);
            Files.move(headerTmp, header, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    /** {@code -Darrayjit.cc}, else {@code $CC}, else {@code cc}, {@code gcc} or {@code clang} on the PATH. */
    static Path findCompiler() {
        String env = System.getProperty("arrayjit.cc", System.getenv("CC"));
        List<String> names = env != null && !env.isBlank() ? List.of(env.trim()) : List.of("cc", "gcc", "clang");
        for (String n : names) {
            Path direct = Path.of(n);
            if (direct.isAbsolute() && Files.isExecutable(direct)) return direct;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, n);
                if (Files.isExecutable(p)) return p;
            }
        }
        throw new AotException("no C compiler to link the library with (looked for " + String.join(", ", names)
                + " on the PATH): install one, e.g. apt-get install gcc, or set CC", false);
    }
}
