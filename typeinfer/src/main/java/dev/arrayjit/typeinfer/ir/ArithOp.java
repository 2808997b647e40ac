package dev.arrayjit.typeinfer.ir;

/**
 * Arithmetic of the typed IR. Operands and result share one type, except the shifts, whose count
 * may be any integer type. {@code DIV} only exists on floats (typing casts integer operands of
 * {@code /} to float64). {@code FLOORDIV} and {@code MOD} round toward negative infinity like Python.
 */
public enum ArithOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"),
    BITAND("&"), BITOR("|"), BITXOR("^"), LSHIFT("<<"), RSHIFT(">>");

    public final String symbol;

    ArithOp(String symbol) { this.symbol = symbol; }
}
