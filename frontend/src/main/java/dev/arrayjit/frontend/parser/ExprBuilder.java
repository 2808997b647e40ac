package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.BinaryOp;
import dev.arrayjit.frontend.ast.BoolOp;
import dev.arrayjit.frontend.ast.CompareOp;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import dev.arrayjit.frontend.ast.UnaryOp;
import dev.arrayjit.frontend.parser.PythonParser.*;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@link Expr} nodes from the expression rules of the parse tree. */
final class ExprBuilder {
    private final BuildContext c;
    private final FStrings.FieldParser fields;

    ExprBuilder(BuildContext c, FStrings.FieldParser fields) {
        this.c = c;
        this.fields = fields;
    }

    BuildContext context() { return c; }

    // ---- boolean and conditional levels

    Expr namedexprTest(Namedexpr_testContext x) {
        c.check(x);
        if (x.COLONEQUAL() != null) {
            test(x.test(0));
            test(x.test(1));
            return new Expr.Unsupported(Constructs.WALRUS, c.span(x));
        }
        return test(x.test(0));
    }

    Expr test(TestContext x) {
        c.check(x);
        if (x.lambdef() != null) return lambda(x.lambdef(), x.lambdef().lambda_params(), x.lambdef().test());
        Expr body = orTest(x.or_test(0));
        if (x.IF() == null) return body;
        return new Expr.IfExp(orTest(x.or_test(1)), body, test(x.test()), c.span(x));
    }

    Expr testNocond(Test_nocondContext x) {
        c.check(x);
        if (x.lambdef_nocond() != null) {
            Lambdef_nocondContext l = c.check(x.lambdef_nocond());
            testNocond(l.test_nocond());
            lambdaDefaults(l.lambda_params());
            return new Expr.Unsupported(Constructs.LAMBDA, c.span(l));
        }
        return orTest(x.or_test());
    }

    private Expr lambda(LambdefContext l, Lambda_paramsContext params, TestContext body) {
        c.check(l);
        test(body);
        lambdaDefaults(params);
        return new Expr.Unsupported(Constructs.LAMBDA, c.span(l));
    }

    /** Builds a lambda's default values for their checks; the lambda itself is unsupported. */
    private void lambdaDefaults(Lambda_paramsContext params) {
        if (params == null) return;
        for (Lambda_paramContext p : c.check(params).lambda_param()) {
            if (c.check(p).test() != null) test(p.test());
        }
    }

    private Expr orTest(Or_testContext x) {
        c.check(x);
        if (x.and_test().size() == 1) return andTest(x.and_test(0));
        return new Expr.Logical(BoolOp.OR, x.and_test().stream().map(this::andTest).toList(), c.span(x));
    }

    private Expr andTest(And_testContext x) {
        c.check(x);
        if (x.not_test().size() == 1) return notTest(x.not_test(0));
        return new Expr.Logical(BoolOp.AND, x.not_test().stream().map(this::notTest).toList(), c.span(x));
    }

    private Expr notTest(Not_testContext x) {
        c.check(x);
        if (x.NOT() != null) return new Expr.Unary(UnaryOp.NOT, notTest(x.not_test()), c.span(x));
        return comparison(x.comparison());
    }

    private Expr comparison(ComparisonContext x) {
        c.check(x);
        Expr left = expr(x.expr(0));
        if (x.comp_op().isEmpty()) return left;
        List<CompareOp> ops = x.comp_op().stream().map(this::compareOp).toList();
        List<Expr> rest = x.expr().subList(1, x.expr().size()).stream().map(this::expr).toList();
        return new Expr.Compare(left, ops, rest, c.span(x));
    }

    private CompareOp compareOp(Comp_opContext o) {
        c.check(o);
        return switch (o.start.getType()) {
            case PythonLexer.LESS -> CompareOp.LT;
            case PythonLexer.GREATER -> CompareOp.GT;
            case PythonLexer.EQEQUAL -> CompareOp.EQ;
            case PythonLexer.GREATEREQUAL -> CompareOp.GE;
            case PythonLexer.LESSEQUAL -> CompareOp.LE;
            case PythonLexer.NOTEQUAL -> CompareOp.NE;
            case PythonLexer.IN -> CompareOp.IN;
            case PythonLexer.NOT -> CompareOp.NOT_IN;
            case PythonLexer.IS -> o.NOT() != null ? CompareOp.IS_NOT : CompareOp.IS;
            default -> throw new BuildContext.Malformed(o.start);
        };
    }

    // ---- arithmetic levels

    Expr expr(ExprContext x) {
        c.check(x);
        return chain(x.xor_expr(), i -> BinaryOp.BITOR, this::xorExpr);
    }

    private Expr xorExpr(Xor_exprContext x) {
        c.check(x);
        return chain(x.and_expr(), i -> BinaryOp.BITXOR, this::andExpr);
    }

    private Expr andExpr(And_exprContext x) {
        c.check(x);
        return chain(x.shift_expr(), i -> BinaryOp.BITAND, this::shiftExpr);
    }

    private Expr shiftExpr(Shift_exprContext x) {
        c.check(x);
        return chain(x.arith_expr(), i -> operator(x.shift_op(i)), this::arithExpr);
    }

    private Expr arithExpr(Arith_exprContext x) {
        c.check(x);
        return chain(x.term(), i -> operator(x.arith_op(i)), this::term);
    }

    private Expr term(TermContext x) {
        c.check(x);
        return chain(x.factor(), i -> operator(x.term_op(i)), this::factor);
    }

    private BinaryOp operator(ParserRuleContext op) {
        return BinaryOp.fromSymbol(c.check(op).getText());
    }

    /** Left-associative chain {@code a op b op c}; operator {@code i} sits between operands i and i+1. */
    private <T extends ParserRuleContext> Expr chain(List<T> operands, Function<Integer, BinaryOp> op, Function<T, Expr> build) {
        Expr left = build.apply(operands.getFirst());
        for (int i = 1; i < operands.size(); i++) {
            Expr right = build.apply(operands.get(i));
            left = new Expr.Binary(op.apply(i - 1), left, right, c.span(operands.getFirst(), operands.get(i)));
        }
        return left;
    }

    private Expr factor(FactorContext x) {
        c.check(x);
        if (x.unary_op() == null) return power(x.power());
        UnaryOp op = switch (c.check(x.unary_op()).start.getType()) {
            case PythonLexer.MINUS -> UnaryOp.NEG;
            case PythonLexer.PLUS -> UnaryOp.POS;
            default -> UnaryOp.INVERT;
        };
        return new Expr.Unary(op, factor(x.factor()), c.span(x));
    }

    private Expr power(PowerContext x) {
        c.check(x);
        Expr base = atomExpr(x.atom_expr());
        if (x.DOUBLESTAR() == null) return base;
        return new Expr.Binary(BinaryOp.POW, base, factor(x.factor()), c.span(x));
    }

    private Expr atomExpr(Atom_exprContext x) {
        c.check(x);
        Expr result = atom(x.atom());
        Token first = x.atom().start;
        for (TrailerContext t : x.trailer()) {
            c.check(t);
            Span span = c.span(first, t.stop);
            result = switch (t) {
                case CallTrailerContext call -> call(result, call, span);
                case SubscriptTrailerContext sub -> new Expr.Subscript(result, subscriptList(sub.subscriptlist()), span);
                case AttributeTrailerContext attr -> new Expr.Attribute(result, name(attr.name()), span);
                default -> throw new BuildContext.Malformed(t.start);
            };
        }
        if (x.AWAIT() != null) return new Expr.Unsupported(Constructs.AWAIT, c.span(x));
        return result;
    }

    // ---- atoms

    private Expr atom(AtomContext x) {
        c.check(x);
        Span span = c.span(x);
        return switch (x) {
            case NameAtomContext n -> new Expr.Name(name(n.name()), c.span(n.name()));
            case NumberAtomContext n -> Literals.number(n.NUMBER().getText(), span, c);
            case StringAtomContext s -> strings(s.strings());
            case EllipsisAtomContext _ -> new Expr.EllipsisLit(span);
            case NoneAtomContext _ -> new Expr.NoneLit(span);
            case TrueAtomContext _ -> new Expr.BoolLit(true, span);
            case FalseAtomContext _ -> new Expr.BoolLit(false, span);
            case ParenAtomContext p -> paren(p, span);
            case ListAtomContext l -> l.testlist_comp() == null
                    ? new Expr.ListLit(List.of(), span)
                    : listDisplay(l.testlist_comp(), span);
            case BraceAtomContext b -> braces(b.dictorsetmaker(), span);
            default -> throw new BuildContext.Malformed(x.start);
        };
    }

    private Expr paren(ParenAtomContext p, Span span) {
        if (p.yield_expr() != null) return yieldExpr(p.yield_expr());
        Testlist_compContext tc = p.testlist_comp();
        if (tc == null) return new Expr.Tuple(List.of(), span);
        c.check(tc);
        List<Expr> elements = elements(tc);
        if (tc.comp_for() != null) {
            comprehension(tc.comp_for());
            return new Expr.Unsupported(Constructs.GENERATOR, span);
        }
        if (elements.size() == 1 && tc.COMMA().isEmpty()) {
            // Parentheses only group: the expression keeps its own span.
            Expr inner = elements.getFirst();
            if (inner instanceof Expr.Starred s) {
                c.error(s.span(), "can't use starred expression here", "unpack into a tuple instead: (*a,)");
            }
            return inner;
        }
        return new Expr.Tuple(elements, span);
    }

    private Expr listDisplay(Testlist_compContext tc, Span span) {
        c.check(tc);
        List<Expr> elements = elements(tc);
        if (tc.comp_for() == null) return new Expr.ListLit(elements, span);
        Expr element = elements.getFirst();
        if (element instanceof Expr.Starred s) {
            c.error(s.span(), "iterable unpacking cannot be used in comprehension", "remove the '*'");
        }
        List<Expr.Comprehension> generators = comprehension(tc.comp_for());
        if (generators == null) return new Expr.Unsupported(Constructs.ASYNC_COMPREHENSION, span);
        return new Expr.ListComp(element, generators, span);
    }

    private List<Expr> elements(Testlist_compContext tc) {
        List<Expr> out = new ArrayList<>();
        for (ParseTree child : tc.children) {
            if (child instanceof Namedexpr_testContext n) out.add(namedexprTest(n));
            else if (child instanceof Star_exprContext s) out.add(starExpr(s));
        }
        return out;
    }

    /** Dict and set displays and comprehensions: built for their checks, then marked unsupported. */
    private Expr braces(DictorsetmakerContext d, Span span) {
        if (d == null) return new Expr.Unsupported(Constructs.DICT, span);
        c.check(d);
        boolean dict = !d.dict_item().isEmpty();
        for (Dict_itemContext item : d.dict_item()) {
            c.check(item);
            if (item.DOUBLESTAR() != null) expr(item.expr());
            else item.test().forEach(this::test);
        }
        d.test().forEach(this::test);
        d.star_expr().forEach(this::starExpr);
        if (d.comp_for() != null) {
            comprehension(d.comp_for());
            return new Expr.Unsupported(dict ? Constructs.DICT_COMPREHENSION : Constructs.SET_COMPREHENSION, span);
        }
        return new Expr.Unsupported(dict ? Constructs.DICT : Constructs.SET, span);
    }

    /** The clauses of a comprehension, or null for an async one. */
    private List<Expr.Comprehension> comprehension(Comp_forContext first) {
        List<Expr.Comprehension> generators = new ArrayList<>();
        boolean async = false;
        Comp_forContext clause = first;
        while (clause != null) {
            c.check(clause);
            async |= clause.ASYNC() != null;
            Expr target = exprlist(clause.exprlist());
            Targets.assign(target, c, "a comprehension's target must be a name, attribute, subscript, or a tuple of them");
            Expr iter = orTest(clause.or_test());
            List<Expr> conditions = new ArrayList<>();
            Comp_forContext next = null;
            Comp_iterContext it = clause.comp_iter();
            while (it != null && next == null) {
                c.check(it);
                if (it.comp_for() != null) {
                    next = it.comp_for();
                } else {
                    Comp_ifContext cond = c.check(it.comp_if());
                    conditions.add(testNocond(cond.test_nocond()));
                    it = cond.comp_iter();
                }
            }
            Span last = conditions.isEmpty() ? iter.span() : conditions.getLast().span();
            generators.add(new Expr.Comprehension(target, iter, conditions, c.span(clause.start).to(last)));
            clause = next;
        }
        return async ? null : generators;
    }

    Expr yieldExpr(Yield_exprContext y) {
        c.check(y);
        if (y.test() != null) test(y.test());
        if (y.testlist_star_expr() != null) testlistStarExpr(y.testlist_star_expr());
        return new Expr.Unsupported(y.FROM() != null ? Constructs.YIELD_FROM : Constructs.YIELD, c.span(y));
    }

    Expr starExpr(Star_exprContext s) {
        c.check(s);
        return new Expr.Starred(expr(s.expr()), c.span(s));
    }

    String name(NameContext n) {
        String text = c.check(n).getText();
        // Python compares identifiers after NFKC normalisation.
        return text.chars().allMatch(ch -> ch < 0x80) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    // ---- lists of expressions

    /** {@code a, *b}: one element without a comma is itself; otherwise a tuple. */
    Expr testlistStarExpr(Testlist_star_exprContext x) {
        c.check(x);
        List<Expr> elements = new ArrayList<>();
        for (ParseTree child : x.children) {
            if (child instanceof TestContext t) elements.add(test(t));
            else if (child instanceof Star_exprContext s) elements.add(starExpr(s));
        }
        if (elements.size() == 1 && x.COMMA().isEmpty()) return elements.getFirst();
        return new Expr.Tuple(elements, c.span(x));
    }

    /** Targets of {@code for} and {@code del}, and comprehension targets. */
    Expr exprlist(ExprlistContext x) {
        List<Expr> elements = exprlistElements(x);
        if (elements.size() == 1 && x.COMMA().isEmpty()) return elements.getFirst();
        return new Expr.Tuple(elements, c.span(x));
    }

    List<Expr> exprlistElements(ExprlistContext x) {
        c.check(x);
        List<Expr> elements = new ArrayList<>();
        for (ParseTree child : x.children) {
            if (child instanceof ExprContext e) elements.add(expr(e));
            else if (child instanceof Star_exprContext s) elements.add(starExpr(s));
        }
        return elements;
    }

    private Expr subscriptList(SubscriptlistContext x) {
        c.check(x);
        List<Expr> indices = x.subscript().stream().map(this::subscript).toList();
        if (indices.size() == 1 && x.COMMA().isEmpty()) return indices.getFirst();
        return new Expr.Tuple(indices, c.span(x));
    }

    private Expr subscript(SubscriptContext s) {
        c.check(s);
        if (s.star_expr() != null) return starExpr(s.star_expr());
        if (s.colon == null) return test(s.lower);
        Expr lower = s.lower == null ? null : test(s.lower);
        Expr upper = s.upper == null ? null : test(s.upper);
        Expr step = s.sliceop() != null && c.check(s.sliceop()).test() != null ? test(s.sliceop().test()) : null;
        return new Expr.Slice(lower, upper, step, c.span(s));
    }

    // ---- calls

    private Expr call(Expr func, CallTrailerContext trailer, Span span) {
        ArglistContext arglist = trailer.arglist();
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        if (arglist != null) {
            c.check(arglist);
            Set<String> names = new HashSet<>();
            boolean keyword = false;
            boolean doubleStar = false;
            int count = arglist.argument().size();
            for (ArgumentContext a : arglist.argument()) {
                c.check(a);
                Span at = c.span(a);
                if (a.DOUBLESTAR() != null) {
                    keywords.add(new Keyword(null, test(a.test(0)), at));
                    doubleStar = true;
                } else if (a.STAR() != null) {
                    if (doubleStar) {
                        c.error(at, "iterable argument unpacking follows keyword argument unpacking",
                                "put *arguments before **arguments");
                    }
                    args.add(new Expr.Starred(test(a.test(0)), at));
                } else if (a.EQUAL() != null) {
                    keywords.add(keywordArgument(a, at, names));
                    keyword = true;
                } else if (a.comp_for() != null) {
                    test(a.test(0));
                    comprehension(a.comp_for());
                    if (count > 1) {
                        c.error(at, "Generator expression must be parenthesized",
                                "put parentheses around the generator expression");
                    }
                    // A sole generator argument owns the call's parentheses, as in CPython.
                    Span genSpan = count == 1 ? c.span(trailer.LPAR(), trailer.RPAR()) : at;
                    args.add(new Expr.Unsupported(Constructs.GENERATOR, genSpan));
                } else {
                    Expr value = a.COLONEQUAL() != null ? walrusArgument(a, at) : test(a.test(0));
                    if (doubleStar || keyword) {
                        c.error(at, doubleStar ? "positional argument follows keyword argument unpacking"
                                        : "positional argument follows keyword argument",
                                "pass positional arguments before keyword arguments");
                    }
                    args.add(value);
                }
            }
        }
        return new Expr.Call(func, args, keywords, span);
    }

    private Keyword keywordArgument(ArgumentContext a, Span at, Set<String> names) {
        Expr target = test(a.test(0));
        Expr value = test(a.test(1));
        if (!(target instanceof Expr.Name n)) {
            c.error(target.span(), "expression cannot contain assignment, perhaps you meant \"==\"?",
                    "a keyword argument's name must be a plain identifier");
            return new Keyword("<invalid>", value, at);
        }
        if (!names.add(n.id())) {
            c.error(n.span(), "keyword argument repeated: " + n.id(), "pass each keyword argument once");
        }
        return new Keyword(n.id(), value, at);
    }

    private Expr walrusArgument(ArgumentContext a, Span at) {
        test(a.test(0));
        test(a.test(1));
        return new Expr.Unsupported(Constructs.WALRUS, at);
    }

    // ---- strings

    /** Adjacent literals joined: a string, an f-string if any part is one, or a bytes literal. */
    Expr strings(StringsContext s) {
        c.check(s);
        List<Token> tokens = new ArrayList<>();
        for (ParseTree child : s.children) {
            if (child instanceof TerminalNode n && !(child instanceof ErrorNode)) tokens.add(n.getSymbol());
        }
        Span span = c.span(tokens.getFirst(), tokens.getLast());
        List<Expr> parts = new ArrayList<>();
        boolean anyFormat = false;
        int bytes = 0;
        for (Token t : tokens) {
            String text = t.getText();
            Literals.StringToken st = Literals.StringToken.of(text);
            int tokenStart = c.span(t).start();
            int bodyStart = tokenStart + st.bodyStart();
            String body = text.substring(st.bodyStart(), st.bodyEnd());
            if (st.bytes()) bytes++;
            if (st.format()) {
                anyFormat = true;
                parts.addAll(FStrings.parts(body, bodyStart, st.raw(), c, fields));
            } else {
                parts.add(new Expr.StrLit(Literals.decode(body, st.raw(), st.bytes(), bodyStart, c), c.span(t)));
            }
        }
        if (bytes > 0) {
            if (bytes < tokens.size()) {
                c.error(span, "cannot mix bytes and nonbytes literals", "make every part a bytes literal (b'...') or none");
            }
            return new Expr.Unsupported(Constructs.BYTES, span);
        }
        if (anyFormat) return new Expr.FString(FStrings.merge(parts), span);
        StringBuilder value = new StringBuilder();
        for (Expr p : parts) value.append(((Expr.StrLit) p).value());
        return new Expr.StrLit(value.toString(), span);
    }
}
