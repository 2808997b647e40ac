package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;
import org.bytedeco.llvm.LLVM.LLVMOrcDefinitionGeneratorRef;
import org.bytedeco.llvm.LLVM.LLVMOrcJITDylibRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMOrcLLJITRef;
import org.bytedeco.llvm.LLVM.LLVMOrcResourceTrackerRef;
import org.bytedeco.llvm.LLVM.LLVMOrcThreadSafeModuleRef;

/**
 * The process-wide ORC LLJIT, created on first use. Its main JITDylib resolves the C library and
 * libm from the process, and glibc's vector math library {@code libmvec.so.1} when it loads.
 * Each compiled unit lives under its own ResourceTracker, so closing it frees its code.
 *
 * <p>Adding a module and looking its entry up (which runs machine-code generation) is serialized:
 * the JIT compiles with one TargetMachine. IR generation and optimisation run outside the lock.
 */
final class JitSession {
    private static volatile JitSession instance;

    private final LLVMOrcLLJITRef jit;
    private final LLVMOrcJITDylibRef main;
    private final boolean libmvecLoaded;
    private final Object lock = new Object();

    /** A unit's code in the JIT: its tracker and the address of its entry symbol. */
    record Loaded(LLVMOrcResourceTrackerRef tracker, long address) {}

    static JitSession get() {
        JitSession s = instance;
        if (s == null) {
            synchronized (JitSession.class) {
                s = instance;
                if (s == null) instance = s = new JitSession(HostTarget.get());
            }
        }
        return s;
    }

    private JitSession(HostTarget host) {
        LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
        // The builder takes the machine builder, which takes the TargetMachine: the JIT's code
        // generation uses the host CPU and aggressive optimisation, as our pass pipeline does.
        LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder,
                LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(host.newTargetMachine()));
        jit = new LLVMOrcLLJITRef();
        Llvm.check(LLVMOrcCreateLLJIT(jit, builder), "creating the LLJIT");
        main = LLVMOrcLLJITGetMainJITDylib(jit);
        byte prefix = LLVMOrcLLJITGetGlobalPrefix(jit);

        LLVMOrcDefinitionGeneratorRef process = new LLVMOrcDefinitionGeneratorRef();
        Llvm.check(LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(process, prefix, null, null),
                "process symbol generator");
        LLVMOrcJITDylibAddGenerator(main, process);

        LLVMOrcDefinitionGeneratorRef mvec = new LLVMOrcDefinitionGeneratorRef();
        LLVMErrorRef error = LLVMOrcCreateDynamicLibrarySearchGeneratorForPath(mvec,
                new BytePointer(VectorMath.LIBRARY), prefix, null, null);
        if (error == null || error.isNull()) {
            LLVMOrcJITDylibAddGenerator(main, mvec);
            libmvecLoaded = true;
        } else {
            LLVMConsumeError(error);
            libmvecLoaded = false;
        }
    }

    /** Whether the JIT resolves libmvec's symbols. */
    boolean libmvecLoaded() { return libmvecLoaded; }

    /** Adds a module (the JIT takes ownership of it) and returns the address of {@code symbol}. */
    Loaded add(LLVMOrcThreadSafeModuleRef module, String symbol) {
        synchronized (lock) {
            LLVMOrcResourceTrackerRef tracker = LLVMOrcJITDylibCreateResourceTracker(main);
            LLVMErrorRef error = LLVMOrcLLJITAddLLVMIRModuleWithRT(jit, tracker, module);
            if (error != null && !error.isNull()) {
                LLVMOrcReleaseResourceTracker(tracker);
                Llvm.check(error, "adding a module to the JIT");
            }
            long[] address = new long[1];
            error = LLVMOrcLLJITLookup(jit, address, symbol);
            if (error != null && !error.isNull()) {
                removeLocked(tracker);
                Llvm.check(error, "looking up " + symbol);
            }
            return new Loaded(tracker, address[0]);
        }
    }

    /** Frees the code under a tracker. */
    void remove(LLVMOrcResourceTrackerRef tracker) {
        synchronized (lock) {
            removeLocked(tracker);
        }
    }

    private void removeLocked(LLVMOrcResourceTrackerRef tracker) {
        LLVMErrorRef error = LLVMOrcResourceTrackerRemove(tracker);
        LLVMOrcReleaseResourceTracker(tracker);
        Llvm.check(error, "removing compiled code");
    }
}
