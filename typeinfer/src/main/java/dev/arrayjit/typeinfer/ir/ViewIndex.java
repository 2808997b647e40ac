package dev.arrayjit.typeinfer.ir;

/** One entry of a {@link TExpr.View}'s subscript. */
public sealed interface ViewIndex {
    /** An int64 index: selects one position and drops the axis (negative counts from the end). */
    record At(TExpr index) implements ViewIndex {}

    /**
     * {@code start:stop:step}, each int64 or null when omitted, clipped as Python clips slices; the
     * axis stays.
     */
    record Range(TExpr start, TExpr stop, TExpr step) implements ViewIndex {}

    /** {@code None} / {@code np.newaxis}: a new axis of extent 1. */
    record NewAxis() implements ViewIndex {}
}
