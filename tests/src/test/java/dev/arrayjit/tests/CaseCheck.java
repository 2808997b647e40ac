package dev.arrayjit.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one call's {@link Outcome} with a run-corpus case's golden data (see {@link RunCorpusTest}
 * for what is checked). Independent of the runtime, so {@link HarnessSelfTest} can feed it Numba's own
 * results.
 */
final class CaseCheck {
    private CaseCheck() {}

    /**
     * Exceptions whose message is user text (or fixed) and must be reproduced: ours must contain
     * Numba's message or the one NumPy/CPython gives for the same call (arrayjit words library errors
     * as NumPy does, e.g. naming both shapes of a failed broadcast, where Numba's text is vaguer).
     */
    static final Set<String> MESSAGE_CHECKED = Set.of("ValueError", "AssertionError");

    static List<String> check(Corpus.Case c, Corpus.Archive data, List<Corpus.Arg> args, Outcome out) {
        List<String> problems = new ArrayList<>();
        if (c.raises() != null) {
            switch (out) {
                case Outcome.Raised r -> {
                    if (!r.kind().equals(c.raises())) {
                        problems.add("raised " + r.kind() + ": " + r.message() + "; Numba raises " + c.raises() + ": " + c.message());
                    } else if (MESSAGE_CHECKED.contains(c.raises()) && c.message() != null && !c.message().isEmpty()
                            && !r.message().contains(c.message())
                            && (c.pythonMessage() == null || c.pythonMessage().isEmpty() || !r.message().contains(c.pythonMessage()))) {
                        problems.add(c.raises() + " message '" + r.message() + "' should contain Numba's '" + c.message() + "'"
                                + (c.pythonMessage() != null ? " or NumPy's '" + c.pythonMessage() + "'" : ""));
                    }
                }
                case Outcome.Returned r -> problems.add("returned " + describe(r) + "; Numba raises " + c.raises() + ": "
                        + c.message() + (c.pythonMessage() != null ? " (CPython: " + c.pythonMessage() + ")" : ""));
            }
            return problems; // arguments after a raise are not compared: hoisted checks may raise earlier
        }
        if (!(out instanceof Outcome.Returned r)) {
            Outcome.Raised x = (Outcome.Raised) out;
            problems.add("raised " + x.kind() + ": " + x.message() + "; Numba returns " + c.returnType());
            return problems;
        }
        switch (c.returns()) {
            case "none" -> {
                if (!r.none()) problems.add("returned " + describe(r) + "; Numba returns None");
            }
            case "tuple" -> {
                if (!r.tuple() || r.values().size() != c.result().size()) {
                    problems.add("returned " + describe(r) + "; Numba returns " + c.returnType());
                } else {
                    for (int j = 0; j < c.result().size(); j++) {
                        addIfNotNull(problems, Compare.diff("tuple element " + j, data.npy(c.result().get(j).member()),
                                r.values().get(j), c.ulp(), c.unspecified()));
                    }
                }
            }
            default -> { // scalar, array
                if (r.none() || r.tuple() || r.values().size() != 1) {
                    problems.add("returned " + describe(r) + "; Numba returns " + c.returnType());
                } else {
                    addIfNotNull(problems, Compare.diff(c.returns(), data.npy(c.result().get(0).member()),
                            r.values().get(0), c.ulp(), c.unspecified()));
                }
            }
        }
        for (int j = 0; j < c.result().size() && j < r.values().size(); j++) {
            boolean list = c.result().get(j).list();
            if (list != r.lists().contains(j)) {
                problems.add((c.result().size() > 1 || "tuple".equals(c.returns()) ? "tuple element " + j : "the result")
                        + (list ? " should be a list (Numba returns " + c.result().get(j).type() + ")" : " is a list; Numba returns "
                        + c.result().get(j).type()));
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (!(args.get(i) instanceof Corpus.ArrayArg a)) continue;
            String member = c.mutated().getOrDefault(i, a.member());
            String what = "argument " + i + (c.mutated().containsKey(i) ? " after the call" : " (must be unchanged)");
            addIfNotNull(problems, Compare.diff(what, data.npy(member), r.argsAfter().get(i), c.ulp(), false));
        }
        return problems;
    }

    private static void addIfNotNull(List<String> l, String s) { if (s != null) l.add(s); }

    static String describe(Outcome.Returned r) {
        if (r.none()) return "None";
        if (r.tuple()) return "a tuple " + r.values().stream().map(NpyData::toString).toList();
        return r.values().isEmpty() ? "nothing" : r.values().get(0).toString();
    }

    /** For other suites: the expected value members of a case, by CLI output file name. */
    static Map<String, String> expectedOutputs(Corpus.Case c) {
        Map<String, String> m = new LinkedHashMap<>();
        if ("tuple".equals(c.returns())) {
            for (int j = 0; j < c.result().size(); j++) m.put("return." + j + ".npy", c.result().get(j).member());
        } else if (!c.result().isEmpty()) {
            m.put("return.npy", c.result().get(0).member());
        }
        return m;
    }
}
