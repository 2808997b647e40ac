package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;

/** Small helpers around the Bytedeco C API: owned strings, errors, pointer arrays. */
final class Llvm {
    private Llvm() {}

    /**
     * A native array of pointers. Never {@code new PointerPointer<>(oneValue)}: with a single
     * argument that constructor is a cast, not a one-element array.
     */
    @SafeVarargs
    static <P extends Pointer> PointerPointer<P> array(P... values) {
        return new PointerPointer<>(values);
    }

    /** The text of an LLVM-allocated message, which is then disposed; "" for null. */
    static String takeMessage(BytePointer message) {
        if (message == null || message.isNull()) return "";
        try {
            return message.getString();
        } finally {
            LLVMDisposeMessage(message);
        }
    }

    /** Throws if {@code error} is an error (consuming it); does nothing for success (null). */
    static void check(LLVMErrorRef error, String what) {
        if (error == null || error.isNull()) return;
        BytePointer message = LLVMGetErrorMessage(error);
        String text;
        try {
            text = message.getString();
        } finally {
            LLVMDisposeErrorMessage(message);
        }
        throw new IllegalStateException("LLVM: " + what + ": " + text);
    }
}
