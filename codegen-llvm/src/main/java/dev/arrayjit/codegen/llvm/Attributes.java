package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** Enum attributes on functions and parameters, by name (unknown names are skipped). */
final class Attributes {
    private Attributes() {}

    /** LLVM's attribute index of the function itself. */
    static final int FUNCTION = LLVMAttributeFunctionIndex;

    /** Adds attributes at an index: {@link #FUNCTION}, 0 for the result, 1.. for parameters. */
    static void add(LLVMContextRef ctx, LLVMValueRef fn, int index, String... names) {
        for (String name : names) {
            int kind = LLVMGetEnumAttributeKindForName(name, name.length());
            if (kind != 0) LLVMAddAttributeAtIndex(fn, index, LLVMCreateEnumAttribute(ctx, kind, 0));
        }
    }

    /** An attribute with an integer value ({@code memory}, {@code align} ...). */
    static void addInt(LLVMContextRef ctx, LLVMValueRef fn, int index, String name, long value) {
        int kind = LLVMGetEnumAttributeKindForName(name, name.length());
        if (kind != 0) LLVMAddAttributeAtIndex(fn, index, LLVMCreateEnumAttribute(ctx, kind, value));
    }

    /**
     * A function without side effects visible to kernels ({@code memory(none)}): math library calls,
     * whose errno writes no kernel reads. This lets LLVM hoist, fold and vectorize them.
     */
    static void pureFunction(LLVMContextRef ctx, LLVMValueRef fn) {
        add(ctx, fn, FUNCTION, "nounwind", "willreturn", "nofree", "nosync");
        addInt(ctx, fn, FUNCTION, "memory", 0);
    }
}
