package dev.arrayjit.runtime.call;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * A compiled unit's {@code int32 entry(ptr ctx, ptr args, ptr ret)} bound as a downcall handle once
 * per unit. Not a critical downcall: kernels may run long (a critical call would hold off the
 * garbage collector) and test kernels call back into Java.
 */
public record EntryPoint(long address, MethodHandle handle) {
    static final FunctionDescriptor SIGNATURE =
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS);

    public static EntryPoint at(long address) {
        if (address == 0) throw new IllegalArgumentException("null entry address");
        return new EntryPoint(address, Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(address), SIGNATURE));
    }

    /** Creates the downcall machinery for the entry signature (the first handle costs tens of milliseconds). */
    public static void warmUp() { Linker.nativeLinker().downcallHandle(SIGNATURE); }

    /** Runs the kernel; 0 on success, nonzero when it raised (see {@code Abi}). */
    int invoke(MemorySegment ctx, MemorySegment args, MemorySegment ret) {
        try {
            return (int) handle.invokeExact(ctx, args, ret);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
