package dev.arrayjit.frontend.ast;

public enum CompareOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IS("is"), IS_NOT("is not"), IN("in"), NOT_IN("not in");

    public final String symbol;

    CompareOp(String symbol) { this.symbol = symbol; }
}
