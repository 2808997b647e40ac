package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMTargetDataRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;

/**
 * The machine we run on: native target initialisation (once per process), the host triple, CPU
 * name and features, its data layout, and a pool of host TargetMachines (aggressive codegen, PIC).
 * A TargetMachine is not safe to use from two threads at once, so each compile borrows one.
 */
final class HostTarget {
    private static volatile HostTarget instance;

    final String triple;
    final String cpu;
    final String features;
    final String dataLayout;
    private final LLVMTargetRef target;
    private final Set<String> featureSet;
    private final ConcurrentLinkedQueue<LLVMTargetMachineRef> pool = new ConcurrentLinkedQueue<>();

    static HostTarget get() {
        HostTarget h = instance;
        if (h == null) {
            synchronized (HostTarget.class) {
                h = instance;
                if (h == null) instance = h = new HostTarget();
            }
        }
        return h;
    }

    private HostTarget() {
        if (LLVMInitializeNativeTarget() != 0 || LLVMInitializeNativeAsmPrinter() != 0
                || LLVMInitializeNativeAsmParser() != 0) {
            throw new IllegalStateException("LLVM: cannot initialise the native target");
        }
        triple = Llvm.takeMessage(LLVMGetDefaultTargetTriple());
        cpu = Llvm.takeMessage(LLVMGetHostCPUName());
        features = Llvm.takeMessage(LLVMGetHostCPUFeatures());
        featureSet = Set.of(features.split(","));
        target = new LLVMTargetRef();
        BytePointer error = new BytePointer((org.bytedeco.javacpp.Pointer) null);
        if (LLVMGetTargetFromTriple(new BytePointer(triple), target, error) != 0) {
            throw new IllegalStateException("LLVM: no target for " + triple + ": " + Llvm.takeMessage(error));
        }
        LLVMTargetMachineRef tm = newTargetMachine();
        LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
        dataLayout = Llvm.takeMessage(LLVMCopyStringRepOfTargetData(td));
        LLVMDisposeTargetData(td);
        pool.add(tm);
    }

    /** Whether the host CPU has a feature, named as LLVM names it ({@code avx2}, {@code avx512f}). */
    boolean hasFeature(String name) { return featureSet.contains("+" + name); }

    /** A new host TargetMachine that the caller owns. */
    LLVMTargetMachineRef newTargetMachine() {
        return LLVMCreateTargetMachine(target, triple, cpu, features, LLVMCodeGenLevelAggressive, LLVMRelocPIC,
                LLVMCodeModelJITDefault);
    }

    /**
     * A TargetMachine the caller owns for ahead-of-time code: {@code baseline} is the portable
     * x86-64 level (SSE2, what every x86-64 CPU runs), {@code native} this machine's CPU with its
     * features, any other name that LLVM CPU with its default features.
     */
    LLVMTargetMachineRef targetMachineFor(String cpuName) {
        String c = switch (cpuName) {
            case "baseline" -> triple.startsWith("x86_64") ? "x86-64" : "generic";
            case "native" -> cpu;
            default -> cpuName;
        };
        String f = cpuName.equals("native") ? features : "";
        return LLVMCreateTargetMachine(target, triple, c, f, LLVMCodeGenLevelAggressive, LLVMRelocPIC, LLVMCodeModelDefault);
    }

    /** Runs {@code work} with a TargetMachine that no other thread uses meanwhile. */
    <T> T withTargetMachine(Function<LLVMTargetMachineRef, T> work) {
        LLVMTargetMachineRef tm = pool.poll();
        if (tm == null) tm = newTargetMachine();
        try {
            return work.apply(tm);
        } finally {
            pool.add(tm);
        }
    }
}
