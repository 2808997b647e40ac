package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;

/** Runs LLVM's standard {@code default<On>} pipeline with the host TargetMachine (which vectorization needs). */
final class Optimizer {
    private Optimizer() {}

    static void run(LLVMModuleRef module, LLVMTargetMachineRef tm, int optLevel) {
        if (optLevel <= 0) return;
        int level = Math.min(optLevel, 3);
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        try {
            boolean vectorize = level >= 2;
            LLVMPassBuilderOptionsSetLoopVectorization(options, vectorize ? 1 : 0);
            LLVMPassBuilderOptionsSetSLPVectorization(options, vectorize ? 1 : 0);
            LLVMPassBuilderOptionsSetLoopInterleaving(options, vectorize ? 1 : 0);
            LLVMPassBuilderOptionsSetLoopUnrolling(options, 1);
            Llvm.check(LLVMRunPasses(module, "default<O" + level + ">", tm, options), "optimisation");
        } finally {
            LLVMDisposePassBuilderOptions(options);
        }
    }
}
