package dev.arrayjit.typeinfer.ir;

/** {@code NEG} and {@code INVERT} keep the operand type; {@code NOT} takes and gives bool. */
public enum UnOp { NEG, INVERT, NOT }
