package dev.arrayjit.frontend.parser;

/**
 * The names {@code Expr.Unsupported} and {@code Stmt.Unsupported} carry. They read well in
 * "X is not supported", and later phases may match on them, so they are kept stable.
 */
final class Constructs {
    private Constructs() {}

    // Expressions.
    static final String LAMBDA = "lambda";
    static final String WALRUS = "walrus operator (:=)";
    static final String AWAIT = "await expression";
    static final String GENERATOR = "generator expression";
    static final String DICT = "dict display";
    static final String SET = "set display";
    static final String DICT_COMPREHENSION = "dict comprehension";
    static final String SET_COMPREHENSION = "set comprehension";
    static final String ASYNC_COMPREHENSION = "asynchronous comprehension";
    static final String YIELD = "yield expression";
    static final String YIELD_FROM = "yield from expression";
    static final String BYTES = "bytes literal";

    // Statements.
    static final String CLASS = "class definition";
    static final String WITH = "with statement";
    static final String TRY = "try statement";
    static final String ASYNC_DEF = "async function definition";
    static final String ASYNC_FOR = "async for statement";
    static final String ASYNC_WITH = "async with statement";
    static final String MATCH = "match statement";
    static final String YIELD_STMT = "yield statement";
    static final String YIELD_FROM_STMT = "yield from statement";
}
