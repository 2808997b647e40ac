package dev.arrayjit.typeinfer.ir;

/** Comparisons; both operands have one type. Float comparisons are ordered except NE (Python's nan != nan). */
public enum CmpOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    public final String symbol;

    CmpOp(String symbol) { this.symbol = symbol; }
}
