package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.frontend.Span;

/**
 * A place in a kernel that may raise. Native code reports a raise as the site's {@code id} plus up to
 * {@code Abi.PAYLOAD_SLOTS} int64 payload values; the runtime builds the message from {@code message},
 * where {@code {0}}, {@code {1}}, ... stand for the payload (an IndexError's index, axis and extent).
 */
public record ErrorSite(int id, ExcKind kind, String message, Span span) {
    /**
     * A message template for a shape of {@code ndim} extents in payload slots from {@code first}, as
     * NumPy's messages print shapes: "({0},{1})", "({0},)".
     */
    public static String shapeTemplate(int first, int ndim) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < ndim; k++) sb.append(k == 0 ? "" : ",").append('{').append(first + k).append('}');
        return sb.append(ndim == 1 ? ",)" : ")").toString();
    }
}
