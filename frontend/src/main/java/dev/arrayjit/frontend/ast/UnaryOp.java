package dev.arrayjit.frontend.ast;

public enum UnaryOp {
    NEG("-"), POS("+"), INVERT("~"), NOT("not");

    public final String symbol;

    UnaryOp(String symbol) { this.symbol = symbol; }
}
