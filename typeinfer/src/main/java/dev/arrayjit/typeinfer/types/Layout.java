package dev.arrayjit.typeinfer.types;

/** Array memory layout as Numba types it: C-contiguous, Fortran-contiguous, or any strides. */
public enum Layout {
    C, F, A;

    /** The layout both can be viewed as. */
    public Layout unify(Layout o) { return this == o ? this : A; }
}
