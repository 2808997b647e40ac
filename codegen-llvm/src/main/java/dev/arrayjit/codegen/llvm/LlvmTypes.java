package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;

/**
 * How kernel types look in LLVM, for one context.
 * <ul>
 *   <li>bool is {@code i1} as a value and one byte ({@code i8}) in array memory and ABI slots;</li>
 *   <li>integers {@code iN}, floats {@code float}/{@code double}, complex {@code {re, im}};</li>
 *   <li>an array is {@code {ptr meminfo, ptr data, [n x i64] extents, [n x i64] byte strides}};</li>
 *   <li>a tuple is a literal struct of its elements, none the empty struct {@code {}}, and an
 *       optional {@code {i1 present, T}}.</li>
 * </ul>
 */
final class LlvmTypes {
    final LLVMContextRef ctx;
    final LLVMTypeRef i1, i8, i32, i64, f32, f64, ptr, none;
    private final Map<Type, LLVMTypeRef> cache = new HashMap<>();

    LlvmTypes(LLVMContextRef ctx) {
        this.ctx = ctx;
        i1 = LLVMInt1TypeInContext(ctx);
        i8 = LLVMInt8TypeInContext(ctx);
        i32 = LLVMInt32TypeInContext(ctx);
        i64 = LLVMInt64TypeInContext(ctx);
        f32 = LLVMFloatTypeInContext(ctx);
        f64 = LLVMDoubleTypeInContext(ctx);
        ptr = LLVMPointerTypeInContext(ctx, 0);
        none = struct();
    }

    /** The SSA type of a value of {@code type}. */
    LLVMTypeRef value(Type type) {
        LLVMTypeRef cached = cache.get(type);
        if (cached != null) return cached;
        LLVMTypeRef result = switch (type) {
            case Type.Bool b -> i1;
            case Type.Int i -> intType(i.bits());
            case Type.Float f -> floatType(f.bits());
            case Type.Complex c -> { LLVMTypeRef part = floatType(c.bits() / 2); yield struct(part, part); }
            case Type.Array a -> array(a.ndim());
            case Type.Tuple t -> struct(t.elements().stream().map(this::value).toArray(LLVMTypeRef[]::new));
            case Type.None n -> none;
            case Type.Optional o -> struct(i1, value(o.type()));
            case Type.ListOf l -> ptr; // its header block: {i64 length, i64 capacity, ptr storage}
        };
        cache.put(type, result);
        return result;
    }

    /** The in-memory type of an array element (bool is a byte). */
    LLVMTypeRef element(Type dtype) {
        return dtype instanceof Type.Bool ? i8 : value(dtype);
    }

    /** Alignment of an array element: its component size. */
    static int elementAlign(Type dtype) {
        return dtype instanceof Type.Complex c ? c.bits() / 16 : Types.sizeOf(dtype);
    }

    LLVMTypeRef intType(int bits) {
        return switch (bits) {
            case 1 -> i1;
            case 8 -> i8;
            case 32 -> i32;
            case 64 -> i64;
            default -> LLVMIntTypeInContext(ctx, bits);
        };
    }

    LLVMTypeRef floatType(int bits) { return bits == 32 ? f32 : f64; }

    LLVMTypeRef array(int ndim) {
        LLVMTypeRef dims = LLVMArrayType2(i64, ndim);
        return struct(ptr, ptr, dims, dims);
    }

    LLVMTypeRef struct(LLVMTypeRef... fields) {
        try (PointerPointer<LLVMTypeRef> pp = Llvm.array(fields)) {
            return LLVMStructTypeInContext(ctx, pp, fields.length, 0);
        }
    }

    LLVMTypeRef function(LLVMTypeRef result, LLVMTypeRef... params) {
        try (PointerPointer<LLVMTypeRef> pp = Llvm.array(params)) {
            return LLVMFunctionType(result, pp, params.length, 0);
        }
    }
}
