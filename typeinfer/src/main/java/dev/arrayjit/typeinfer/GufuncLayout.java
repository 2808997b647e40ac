package dev.arrayjit.typeinfer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core dimensions of a {@code @guvectorize} kernel, from its layout string
 * {@code "(m,n),(n,p)->(m,p)"}: one list of dimension names per input, then per output. A name
 * standing in several places has one size; {@code ()} is a scalar core.
 */
public record GufuncLayout(List<List<String>> inputs, List<List<String>> outputs) {
    private static final Pattern GROUP = Pattern.compile("\\(\\s*([A-Za-z_]\\w*(?:\\s*,\\s*[A-Za-z_]\\w*)*)?\\s*\\)");

    public GufuncLayout {
        inputs = inputs.stream().map(List::copyOf).toList();
        outputs = outputs.stream().map(List::copyOf).toList();
    }

    /** The layout a string gives, or null when it is not one. */
    public static GufuncLayout parse(String text) {
        String[] sides = text.split("->", -1);
        if (sides.length != 2) return null;
        List<List<String>> in = groups(sides[0]), out = groups(sides[1]);
        if (in == null || out == null || in.isEmpty() || out.isEmpty()) return null;
        return new GufuncLayout(in, out);
    }

    private static List<List<String>> groups(String side) {
        List<List<String>> out = new ArrayList<>();
        String rest = side.trim();
        while (!rest.isEmpty()) {
            Matcher m = GROUP.matcher(rest);
            if (!m.lookingAt()) return null;
            List<String> names = new ArrayList<>();
            if (m.group(1) != null) for (String n : m.group(1).split(",")) names.add(n.trim());
            out.add(names);
            rest = rest.substring(m.end()).trim();
            if (rest.startsWith(",")) {
                rest = rest.substring(1).trim();
                if (rest.isEmpty()) return null;
            } else if (!rest.isEmpty()) {
                return null;
            }
        }
        return out;
    }

    /** The core dimensions of operand {@code i} (inputs first, then outputs). */
    public List<String> core(int i) { return i < inputs.size() ? inputs.get(i) : outputs.get(i - inputs.size()); }

    @Override public String toString() {
        return side(inputs) + "->" + side(outputs);
    }

    private static String side(List<List<String>> groups) {
        List<String> parts = new ArrayList<>();
        for (List<String> g : groups) parts.add("(" + String.join(",", g) + ")");
        return String.join(",", parts);
    }
}
