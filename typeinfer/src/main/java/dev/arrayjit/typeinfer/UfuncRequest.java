package dev.arrayjit.typeinfer;

import dev.arrayjit.typeinfer.types.Type;
import java.util.List;

/**
 * One use of a {@code @vectorize} kernel as a ufunc, which {@link Program#specializeUfunc} turns into
 * a function of its own: the loop ({@code loop}: the scalar kernel's argument types, chosen by the
 * caller with NumPy's rules) applied as {@code method} says to operands of {@code argTypes}.
 *
 * <ul>
 *   <li>{@code CALL}: element-wise over the operands broadcast together (scalars are operands too),
 *       into a new C array, or into {@code out} when it is non-null (then the result is {@code out});
 *       with no array operand and no {@code out}, the loop's scalar result;</li>
 *   <li>{@code REDUCE}: folds one array along {@code axis} with a two-input loop (a scalar for a 1-D
 *       array);</li>
 *   <li>{@code ACCUMULATE}: the running folds along {@code axis}, an array of the operand's shape;</li>
 *   <li>{@code OUTER}: every element of the first array with every element of the second, of shape
 *       {@code a.shape + b.shape};</li>
 *   <li>{@code GENERALIZED}: a {@code @guvectorize} kernel over the outer (broadcast) dimensions of
 *       its inputs, its core dimensions as its layout says; {@code argTypes} are the inputs, then
 *       the outputs when the caller gives them (else they are allocated and returned);
 *       {@code loop} is the whole signature (inputs, then outputs).</li>
 * </ul>
 * With {@code parallel} the element loops run on several threads ({@code target='parallel'}).
 */
public record UfuncRequest(Method method, List<Type> argTypes, List<Type> loop, Type.Array out, int axis, boolean parallel) {
    public enum Method { CALL, REDUCE, ACCUMULATE, OUTER, GENERALIZED }

    public UfuncRequest {
        argTypes = List.copyOf(argTypes);
        loop = List.copyOf(loop);
    }
}
