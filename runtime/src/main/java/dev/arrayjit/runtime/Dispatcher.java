package dev.arrayjit.runtime;

import dev.arrayjit.runtime.call.Conversion;
import dev.arrayjit.runtime.call.Typeof;
import dev.arrayjit.typeinfer.types.Type;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Chooses and compiles the specialization of one kernel for a call, as Numba's dispatcher does.
 *
 * <p>Without eager signatures the argument types ({@link Typeof}) are the key: a new tuple compiles,
 * exactly once even when many threads ask at the same moment ({@link CompileCache}).
 *
 * <p>With eager signatures, as in Numba, no other specialization is ever made: the call goes to the
 * signature the arguments convert to best (exact, then fewest unsafe, safe, promoting conversions;
 * unsafe ones such as float64 → int64 allowed), and values are converted as they are passed. Eager
 * signatures compile lazily, on their first call, which keeps start-up fast; a kernel's type errors
 * therefore appear at its first call rather than at load ({@link KernelModule#compileEager()} compiles
 * them all at once).
 */
public final class Dispatcher {
    /** Types and compiles one argument-type tuple. */
    @FunctionalInterface
    public interface Compiler {
        Specialization compile(List<Type> argTypes);
    }

    private final String name;
    private final List<String> params;
    private final List<List<Type>> eager;
    private final CompileCache<List<Type>> cache;
    private final ConcurrentHashMap<List<Type>, List<Type>> chosen = new ConcurrentHashMap<>();

    /** The argument types of the latest call and the specialization they chose. */
    private record Last(Type[] types, Specialization spec) {}

    private volatile Last last;

    /**
     * @param params the kernel's parameter names (their count is the arity)
     * @param eager the eager signatures' argument types; empty for lazy compilation
     */
    public Dispatcher(String name, List<String> params, List<List<Type>> eager, Compiler compiler) {
        this.name = name;
        this.params = List.copyOf(params);
        this.eager = eager.stream().map(List::copyOf).toList();
        this.cache = new CompileCache<>(name, compiler::compile);
    }

    public String name() { return name; }

    /** Compilations started so far (each argument-type tuple compiles once). */
    public int compileCount() { return cache.compileCount(); }

    /** Time spent compiling, all specializations together. */
    public long compileNanos() { return cache.compileNanos(); }

    /** The specializations compiled so far. */
    public List<Specialization> specializations() { return cache.specializations(); }

    /** The specialization for these arguments, compiling it if needed. */
    public Specialization resolve(Object[] args) {
        if (args.length != params.size()) {
            throw new ArgumentException(name + "() takes " + params.size() + " positional argument"
                    + (params.size() == 1 ? "" : "s") + " but " + args.length + (args.length == 1 ? " was" : " were") + " given");
        }
        Type[] types = new Type[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = Typeof.of(args[i]);
            if (types[i] == null) {
                throw new ArgumentException("argument '" + params.get(i) + "' of " + name + "(): a "
                        + args[i].getClass().getName() + " cannot be passed to a kernel");
            }
        }
        // Most call sites pass one type tuple over and over: check the last one before hashing.
        Last last = this.last;
        if (last != null && Arrays.equals(last.types, types)) return last.spec;
        List<Type> key = Arrays.asList(types);
        if (eager.isEmpty()) {
            Specialization spec = specialization(key);
            this.last = new Last(types, spec);
            return spec;
        }
        List<Type> sig = chosen.get(key);
        if (sig == null) sig = chosen.computeIfAbsent(List.copyOf(key), this::choose);
        Specialization spec = specialization(sig);
        this.last = new Last(types, spec);
        return spec;
    }

    /** The specialization for exactly these types, compiled once. */
    public Specialization specialization(List<Type> argTypes) { return cache.get(List.copyOf(argTypes)); }

    /** Compiles every eager signature now. */
    public void compileEager() {
        for (List<Type> sig : eager) specialization(sig);
    }

    /** The eager signature these argument types convert to best (Numba's overload rating). */
    private List<Type> choose(List<Type> argTypes) {
        List<Type> best = null;
        int[] bestRating = null;
        boolean ambiguous = false;
        for (List<Type> sig : eager) {
            int[] r = rating(argTypes, sig);
            if (r == null) continue;
            int cmp = bestRating == null ? -1 : Arrays.compare(r, bestRating);
            if (cmp < 0) {
                best = sig;
                bestRating = r;
                ambiguous = false;
            } else if (cmp == 0) {
                ambiguous = true;
            }
        }
        if (best == null) {
            throw new ArgumentException("no matching definition for argument type(s) " + describe(argTypes)
                    + " of " + name + "(); its signatures are " + eager.stream().map(Dispatcher::describe)
                    .collect(Collectors.joining(", ")));
        }
        if (ambiguous) {
            throw new ArgumentException("ambiguous overloading of " + name + "() for argument type(s) " + describe(argTypes));
        }
        return best;
    }

    /** {unsafe, safe, promote} counts, compared in that order; null when an argument cannot convert. */
    private static int[] rating(List<Type> args, List<Type> sig) {
        if (args.size() != sig.size()) return null;
        int[] r = new int[3];
        for (int i = 0; i < args.size(); i++) {
            switch (Conversion.of(args.get(i), sig.get(i))) {
                case NONE -> { return null; }
                case UNSAFE -> r[0]++;
                case SAFE -> r[1]++;
                case PROMOTE -> r[2]++;
                case EXACT -> { }
            }
        }
        return r;
    }

    private static String describe(List<Type> types) {
        return "(" + types.stream().map(Type::toString).collect(Collectors.joining(", ")) + ")";
    }
}
