package dev.arrayjit.runtime.call;

import dev.arrayjit.runtime.KernelPrint;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.PyList;
import dev.arrayjit.runtime.format.FloatRepr;
import dev.arrayjit.runtime.format.PyRepr;
import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The printer kernels call for {@code print()} ({@code Abi.CTX_PRINT}): an upcall that assembles a
 * call's pieces per thread with Python's formatting (floats by shortest repr, arrays as NumPy's
 * str) and hands the text to {@link KernelPrint} at the end of the call.
 */
final class Printer {
    private Printer() {}

    private static final ThreadLocal<StringBuilder> LINE = ThreadLocal.withInitial(StringBuilder::new);

    /** The upcall stub's address, for every call's context. */
    static final long STUB = stub();

    private static long stub() {
        try {
            var handle = MethodHandles.lookup().findStatic(Printer.class, "piece",
                    MethodType.methodType(void.class, long.class, long.class, MemorySegment.class));
            FunctionDescriptor fd = FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
            return Linker.nativeLinker().upcallStub(handle, fd, java.lang.foreign.Arena.global()).address();
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void piece(long kind, long bits, MemorySegment extra) {
        StringBuilder sb = LINE.get();
        switch ((int) kind) {
            case Abi.PRINT_END -> {
                String text = sb.toString();
                sb.setLength(0);
                KernelPrint.emit(text);
            }
            case Abi.PRINT_TEXT -> sb.append(extra.reinterpret(Long.MAX_VALUE).getString(0));
            case Abi.PRINT_INT -> sb.append(bits);
            case Abi.PRINT_UINT -> sb.append(Long.toUnsignedString(bits));
            case Abi.PRINT_FLOAT64 -> sb.append(FloatRepr.repr(Double.longBitsToDouble(bits)));
            case Abi.PRINT_FLOAT32 -> sb.append(FloatRepr.repr((float) Double.longBitsToDouble(bits)));
            case Abi.PRINT_BOOL -> sb.append(bits != 0 ? "True" : "False");
            case Abi.PRINT_ARRAY -> sb.append(PyRepr.print(array(bits, extra)));
            case Abi.PRINT_LIST -> sb.append(PyRepr.repr(new PyList(array(bits | 1 << 8, extra))));
            default -> sb.append("<?>");
        }
    }

    /** A view (not a copy) of the array whose {meminfo, data, shape, strides} struct {@code extra} points at. */
    private static NDArray array(long bits, MemorySegment extra) {
        Type dtype = Abi.DTYPE_CODES.get((int) (bits & 0xff));
        int ndim = (int) (bits >>> 8);
        MemorySegment s = extra.reinterpret((2L + 2L * ndim) * Abi.SLOT);
        long data = s.getAtIndex(ValueLayout.JAVA_LONG, 1);
        long[] shape = new long[ndim], strides = new long[ndim];
        long lo = 0, hi = Types.sizeOf(dtype);
        boolean empty = false;
        for (int k = 0; k < ndim; k++) {
            shape[k] = s.getAtIndex(ValueLayout.JAVA_LONG, 2 + k);
            strides[k] = s.getAtIndex(ValueLayout.JAVA_LONG, 2 + ndim + k);
            if (shape[k] == 0) empty = true;
            long reach = (shape[k] - 1) * strides[k];
            if (reach < 0) lo += reach; else hi += reach;
        }
        if (empty) return NDArray.zeros(dtype, shape);
        MemorySegment memory = MemorySegment.ofAddress(data + lo).reinterpret(hi - lo);
        return NDArray.view(memory, dtype, -lo, shape, strides);
    }
}
