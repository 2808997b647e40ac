package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.typeinfer.types.Type;
import java.util.ArrayList;
import java.util.List;

/** The type two values of one variable (or two branches) share, as Numba unifies them; null if none. */
final class Unify {
    private Unify() {}

    static Type unify(Type a, Type b) {
        if (a.equals(b)) return a;
        // None with a value (or with an optional value) is an optional value, as in Numba.
        if (a instanceof Type.None && !(b instanceof Type.None)) return b instanceof Type.Optional ? b : new Type.Optional(b);
        if (b instanceof Type.None) return unify(b, a);
        if (a instanceof Type.Optional x) {
            Type u = unify(x.type(), b instanceof Type.Optional y ? y.type() : b);
            return u == null ? null : new Type.Optional(u);
        }
        if (b instanceof Type.Optional) return unify(b, a);
        if (a.isScalar() && b.isScalar()) return Promotion.promote(a, b);
        if (a instanceof Type.Array x && b instanceof Type.Array y) {
            if (!x.dtype().equals(y.dtype()) || x.ndim() != y.ndim()) return null;
            return new Type.Array(x.dtype(), x.ndim(), x.layout().unify(y.layout()), x.readonly() || y.readonly());
        }
        if (a instanceof Type.ListOf x && b instanceof Type.ListOf y) {
            // As Numba unifies lists: the wider element type (a list of the narrower one is converted
            // where it is assigned); an empty display takes the other's.
            if (!x.known()) return y;
            if (!y.known()) return x;
            return new Type.ListOf(Promotion.promote(x.element(), y.element()));
        }
        if (a instanceof Type.Tuple x && b instanceof Type.Tuple y && x.elements().size() == y.elements().size()) {
            List<Type> els = new ArrayList<>();
            for (int i = 0; i < x.elements().size(); i++) {
                Type u = unify(x.elements().get(i), y.elements().get(i));
                if (u == null) return null;
                els.add(u);
            }
            return new Type.Tuple(els);
        }
        return null;
    }
}
