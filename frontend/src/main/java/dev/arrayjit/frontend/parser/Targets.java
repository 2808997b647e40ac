package dev.arrayjit.frontend.parser;

import dev.arrayjit.frontend.ast.Expr;
import java.util.List;

/**
 * What may stand left of '=', after 'for', after 'del' and before an augmented or annotated
 * assignment. The grammar accepts any expression there; these checks give CPython's messages.
 */
final class Targets {
    private Targets() {}

    /** Targets of '=', 'for' and comprehensions: names, attributes, subscripts, and tuples or lists of them. */
    static void assign(Expr target, BuildContext c, String hint) {
        switch (target) {
            case Expr.Name _, Expr.Attribute _, Expr.Subscript _ -> { }
            case Expr.Tuple t -> elements(t.elements(), c, hint);
            case Expr.ListLit l -> elements(l.elements(), c, hint);
            case Expr.Starred s -> c.error(s.span(), "starred assignment target must be in a list or tuple",
                    "write a trailing comma to make a tuple: *a, = ...");
            default -> c.error(target.span(), "cannot assign to " + describe(target), hint);
        }
    }

    private static void elements(List<Expr> elements, BuildContext c, String hint) {
        boolean starred = false;
        for (Expr e : elements) {
            if (e instanceof Expr.Starred s) {
                if (starred) {
                    c.error(s.span(), "multiple starred expressions in assignment", "unpack into at most one starred name");
                }
                starred = true;
                assign(s.value(), c, hint);
            } else {
                assign(e, c, hint);
            }
        }
    }

    static void delete(Expr target, BuildContext c) {
        switch (target) {
            case Expr.Name _, Expr.Attribute _, Expr.Subscript _ -> { }
            case Expr.Tuple t -> t.elements().forEach(e -> delete(e, c));
            case Expr.ListLit l -> l.elements().forEach(e -> delete(e, c));
            default -> c.error(target.span(), "cannot delete " + describe(target),
                    "del takes names, attributes, subscripts, or tuples of them");
        }
    }

    /** An augmented assignment ({@code +=} ...) updates exactly one name, attribute or subscript. */
    static void augmented(Expr target, BuildContext c) {
        switch (target) {
            case Expr.Name _, Expr.Attribute _, Expr.Subscript _ -> { }
            default -> c.error(target.span(), "'" + describe(target) + "' is an illegal expression for augmented assignment",
                    "an augmented assignment updates one name, attribute or subscript");
        }
    }

    static void annotated(Expr target, BuildContext c) {
        switch (target) {
            case Expr.Name _, Expr.Attribute _, Expr.Subscript _ -> { }
            case Expr.Tuple _ -> c.error(target.span(), "only single target (not tuple) can be annotated",
                    "annotate each name in its own statement");
            case Expr.ListLit _ -> c.error(target.span(), "only single target (not list) can be annotated",
                    "annotate each name in its own statement");
            default -> c.error(target.span(), "illegal target for annotation",
                    "annotate a name, an attribute or a subscript");
        }
    }

    /** How CPython's messages name an expression that is not a target. */
    static String describe(Expr e) {
        return switch (e) {
            case Expr.Call _ -> "function call";
            case Expr.IntLit _, Expr.FloatLit _, Expr.ImagLit _, Expr.StrLit _ -> "literal";
            case Expr.FString _ -> "f-string expression";
            case Expr.BoolLit b -> b.value() ? "True" : "False";
            case Expr.NoneLit _ -> "None";
            case Expr.EllipsisLit _ -> "ellipsis";
            case Expr.Compare _ -> "comparison";
            case Expr.IfExp _ -> "conditional expression";
            case Expr.ListComp _ -> "list comprehension";
            case Expr.Binary _, Expr.Unary _, Expr.Logical _ -> "expression";
            case Expr.Starred _ -> "starred";
            case Expr.Tuple _ -> "tuple";
            case Expr.ListLit _ -> "list";
            case Expr.Slice _ -> "slice";
            case Expr.Name _ -> "name";
            case Expr.Attribute _ -> "attribute";
            case Expr.Subscript _ -> "subscript";
            case Expr.Unsupported u -> u.construct();
        };
    }
}
