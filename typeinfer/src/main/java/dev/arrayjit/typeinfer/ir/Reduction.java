package dev.arrayjit.typeinfer.ir;

/**
 * Whole-array reductions, with NumPy's (and Numba's) result types chosen by typing, and the running
 * totals {@code cumsum}/{@code cumprod} (a 1-D array of the flattened elements' partial results).
 */
public enum Reduction {
    SUM, PROD, MIN, MAX, MEAN, VAR, STD, ALL, ANY, ARGMIN, ARGMAX, CUMSUM, CUMPROD;

    /** Whether an empty array has no answer (ValueError), as for min and max. */
    public boolean needsElements() {
        return this == MIN || this == MAX || this == ARGMIN || this == ARGMAX;
    }
}
