package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Vector math through glibc's libmvec ({@code _ZGVdN4v_sin} ...), Numba's SVML trick without Intel's
 * library. Instead of the process-wide {@code -vector-library=LIBMVEC-X86} option, each scalar math
 * call gets the {@code vector-function-abi-variant} attribute naming the libmvec variants that the
 * host CPU can run and the library exports (the same attribute LLVM's InjectTLIMappings pass would
 * add), so the loop vectorizer calls them. This keeps the switch per compile unit and covers every
 * function glibc 2.35+ vectorizes (tan, atan2, erf ...), not only LLVM's short table.
 *
 * <p>Accuracy: libmvec promises at most 4 ULP (measured about 1e-15 relative for sin and exp), where
 * scalar libm is correctly rounded or within 1 ULP. Turn it off with {@code CompileOptions.vectorMath}.
 */
final class VectorMath {
    static final String LIBRARY = "libmvec.so.1";

    /** libm functions (double names) that libmvec provides, one or two arguments. */
    private static final Set<String> UNARY = Set.of("sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
            "tanh", "asinh", "acosh", "atanh", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "erf", "erfc");
    private static final Set<String> BINARY = Set.of("atan2", "hypot", "pow");

    /** An x86 vector ISA of the vector function ABI: its letter and register width in bytes. */
    private record Isa(char letter, int bytes) {}

    private final List<Isa> isas;
    private final SymbolLookup library;
    private final Map<String, Boolean> exported = new ConcurrentHashMap<>();

    private VectorMath(List<Isa> isas, SymbolLookup library) {
        this.isas = isas;
        this.library = library;
    }

    /** The host's vector math, or null where libmvec is not there. */
    static VectorMath detect(HostTarget host) {
        if (!host.triple.startsWith("x86_64")) return null;
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return null;
        }
        List<Isa> isas = new ArrayList<>();
        isas.add(new Isa('b', 16));                                // SSE
        if (host.hasFeature("avx2")) isas.add(new Isa('d', 32));   // AVX2
        if (host.hasFeature("avx512f")) isas.add(new Isa('e', 64)); // AVX-512
        return new VectorMath(isas, lookup);
    }

    /** Whether libmvec has a vector form of the libm function with this double-precision name. */
    static boolean covers(String doubleName) {
        return UNARY.contains(doubleName) || BINARY.contains(doubleName);
    }

    /**
     * Attaches libmvec variants to {@code call}, a call of {@code callee} (an intrinsic such as
     * {@code llvm.sin.f64} or a libm function) computing libm's {@code doubleName} in {@code bits}
     * precision. Declares the vector functions in the module and adds them to {@code used}, which
     * becomes {@code llvm.compiler.used} so that they survive until the vectorizer runs.
     */
    void annotate(LLVMModuleRef module, LlvmTypes t, LLVMValueRef call, String callee, String doubleName, int bits,
                  List<LLVMValueRef> used) {
        if (!covers(doubleName)) return;
        int arity = BINARY.contains(doubleName) ? 2 : 1;
        String libmName = bits == 32 ? doubleName + "f" : doubleName;
        LLVMTypeRef scalar = t.floatType(bits);
        StringJoiner variants = new StringJoiner(",");
        for (Isa isa : isas) {
            int lanes = isa.bytes() * 8 / bits;
            String params = "v".repeat(arity);
            String vectorName = "_ZGV" + isa.letter() + "N" + lanes + params + "_" + libmName;
            if (!exported.computeIfAbsent(vectorName, n -> library.find(n).isPresent())) continue;
            LLVMValueRef fn = LLVMGetNamedFunction(module, vectorName);
            if (fn == null || fn.isNull()) {
                LLVMTypeRef vec = LLVMVectorType(scalar, lanes);
                LLVMTypeRef[] ps = new LLVMTypeRef[arity];
                java.util.Arrays.fill(ps, vec);
                fn = LLVMAddFunction(module, vectorName, t.function(vec, ps));
                Attributes.pureFunction(t.ctx, fn);
                used.add(fn);
            }
            variants.add("_ZGV_LLVM_N" + lanes + params + "_" + callee + "(" + vectorName + ")");
        }
        if (variants.length() == 0) return;
        String key = "vector-function-abi-variant";
        String value = variants.toString();
        LLVMAddCallSiteAttribute(call, LLVMAttributeFunctionIndex,
                LLVMCreateStringAttribute(t.ctx, key, key.length(), value, value.length()));
    }

    /** Emits {@code llvm.compiler.used} holding {@code used}. */
    static void keep(LLVMModuleRef module, LlvmTypes t, List<LLVMValueRef> used) {
        if (used.isEmpty()) return;
        LLVMTypeRef arrayType = LLVMArrayType2(t.ptr, used.size());
        LLVMValueRef global = LLVMAddGlobal(module, arrayType, "llvm.compiler.used");
        LLVMSetLinkage(global, LLVMAppendingLinkage);
        LLVMSetSection(global, "llvm.metadata");
        try (var pp = Llvm.array(used.toArray(LLVMValueRef[]::new))) {
            LLVMSetInitializer(global, LLVMConstArray2(t.ptr, pp, used.size()));
        }
    }

}
