package dev.arrayjit.frontend.ast;

/** Binary arithmetic and bit operators, with their Python spelling. */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"), MATMUL("@"),
    LSHIFT("<<"), RSHIFT(">>"), BITAND("&"), BITOR("|"), BITXOR("^");

    public final String symbol;

    BinaryOp(String symbol) { this.symbol = symbol; }

    public static BinaryOp fromSymbol(String s) {
        for (BinaryOp op : values()) if (op.symbol.equals(s)) return op;
        throw new IllegalArgumentException("not a binary operator: " + s);
    }
}
