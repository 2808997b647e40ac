package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.backend.Backend;
import dev.arrayjit.typeinfer.backend.CompileOptions;
import dev.arrayjit.typeinfer.backend.CompiledUnit;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeContextRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;

/**
 * The CPU backend: typed IR to LLVM IR ({@link LlvmGenerator}), verified, optimised with the host
 * TargetMachine ({@code default<O3>} for optLevel 3), and compiled by the process-wide ORC LLJIT.
 *
 * <p>Thread-safe: units compile in parallel, each in its own LLVM context; only adding code to the
 * JIT is serialized. Stage texts ({@code llvm} unoptimised IR, {@code llvm-opt} optimised IR,
 * {@code asm}) are kept when named in {@link CompileOptions#dumps()}; with the environment variable
 * {@code ARRAYJIT_DUMP_IR=1} (or {@code -Darrayjit.dumpIr=true}) both IR texts go to stderr.
 */
public final class LlvmBackend implements Backend {
    private static final AtomicLong UNITS = new AtomicLong();

    public LlvmBackend() {}

    @Override public String name() { return "cpu"; }

    @Override public CompiledUnit compile(CompileUnit unit, CompileOptions options) {
        HostTarget host = HostTarget.get();
        JitSession jit = JitSession.get();
        VectorMath vectorMath = options.vectorMath() && jit.libmvecLoaded() ? VectorMathHolder.INSTANCE : null;
        // Only the entry wrapper is exported; a per-unit suffix keeps it unique in the shared JITDylib.
        String entryName = Abi.entrySymbol(unit.entry().symbol()) + "_u" + UNITS.incrementAndGet();
        boolean print = printRequested();
        Map<String, String> dumps = new HashMap<>();

        LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
        try {
            LLVMContextRef ctx = LLVMOrcThreadSafeContextGetContext(tsc);
            LLVMModuleRef module = LlvmGenerator.generate(unit, ctx, unit.entry().symbol(), entryName, host, vectorMath);
            boolean owned = true;
            try {
                if (print || options.dumps().contains("llvm")) keep(dumps, "llvm", irText(module), print);
                verify(module, unit);
                host.withTargetMachine(tm -> {
                    Optimizer.run(module, tm, options.optLevel());
                    if (options.dumps().contains("asm")) dumps.put("asm", assembly(tm, module));
                    return null;
                });
                if (print || options.dumps().contains("llvm-opt")) keep(dumps, "llvm-opt", irText(module), print);
                LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(module, tsc);
                owned = false; // the thread-safe module, then the JIT, own it now
                JitSession.Loaded loaded = jit.add(tsm, entryName);
                return new JitUnit(loaded, dumps);
            } finally {
                if (owned) LLVMDisposeModule(module);
            }
        } finally {
            LLVMOrcDisposeThreadSafeContext(tsc);
        }
    }

    @Override public byte[] compileObject(List<CompileUnit> units, List<String> entryNames, CompileOptions options, String cpu) {
        HostTarget host = HostTarget.get();
        LLVMContextRef ctx = LLVMContextCreate();
        LLVMModuleRef linked = null;
        try {
            for (int i = 0; i < units.size(); i++) {
                // No vector math: libmvec is not on every machine a library goes to.
                LLVMModuleRef m = LlvmGenerator.generate(units.get(i), ctx, units.get(i).entry().symbol(), entryNames.get(i), host, null);
                verify(m, units.get(i));
                if (linked == null) {
                    linked = m;
                } else if (LLVMLinkModules2(linked, m) != 0) { // local functions of the same name are renamed apart
                    throw new IllegalStateException("internal compiler error: linking the module of " + units.get(i).entry().name() + " failed");
                }
            }
            if (linked == null) throw new IllegalArgumentException("no units to compile");
            LLVMTargetMachineRef tm = host.targetMachineFor(cpu);
            try {
                Optimizer.run(linked, tm, options.optLevel());
                BytePointer error = new BytePointer((Pointer) null);
                LLVMMemoryBufferRef buffer = new LLVMMemoryBufferRef();
                if (LLVMTargetMachineEmitToMemoryBuffer(tm, linked, LLVMObjectFile, error, buffer) != 0) {
                    throw new IllegalStateException("LLVM: emitting an object file: " + Llvm.takeMessage(error));
                }
                try {
                    BytePointer start = LLVMGetBufferStart(buffer);
                    byte[] out = new byte[(int) LLVMGetBufferSize(buffer)];
                    start.get(out);
                    return out;
                } finally {
                    LLVMDisposeMemoryBuffer(buffer);
                }
            } finally {
                LLVMDisposeTargetMachine(tm);
            }
        } finally {
            if (linked != null) LLVMDisposeModule(linked);
            LLVMContextDispose(ctx);
        }
    }

    private static final class VectorMathHolder {
        static final VectorMath INSTANCE = VectorMath.detect(HostTarget.get());
    }

    private static boolean printRequested() {
        return "1".equals(System.getenv("ARRAYJIT_DUMP_IR")) || Boolean.getBoolean("arrayjit.dumpIr");
    }

    private static void keep(Map<String, String> dumps, String stage, String text, boolean print) {
        dumps.put(stage, text);
        if (print) System.err.println("; ==== arrayjit " + stage + " ====\n" + text);
    }

    private static String irText(LLVMModuleRef module) {
        return Llvm.takeMessage(LLVMPrintModuleToString(module));
    }

    /** A module that does not verify is a compiler bug: report it with the IR. */
    private static void verify(LLVMModuleRef module, CompileUnit unit) {
        BytePointer message = new BytePointer((Pointer) null);
        if (LLVMVerifyModule(module, LLVMReturnStatusAction, message) != 0) {
            throw new IllegalStateException("internal compiler error: LLVM IR of " + unit.entry().name()
                    + " does not verify: " + Llvm.takeMessage(message) + "\n" + irText(module));
        }
        Llvm.takeMessage(message);
    }

    private static String assembly(LLVMTargetMachineRef tm, LLVMModuleRef module) {
        LLVMModuleRef copy = LLVMCloneModule(module); // code generation changes the IR it runs on
        try {
            BytePointer error = new BytePointer((Pointer) null);
            LLVMMemoryBufferRef buffer = new LLVMMemoryBufferRef();
            if (LLVMTargetMachineEmitToMemoryBuffer(tm, copy, LLVMAssemblyFile, error, buffer) != 0) {
                throw new IllegalStateException("LLVM: emitting assembly: " + Llvm.takeMessage(error));
            }
            try {
                BytePointer start = LLVMGetBufferStart(buffer);
                return start.limit(LLVMGetBufferSize(buffer)).getString();
            } finally {
                LLVMDisposeMemoryBuffer(buffer);
            }
        } finally {
            LLVMDisposeModule(copy);
        }
    }
}
