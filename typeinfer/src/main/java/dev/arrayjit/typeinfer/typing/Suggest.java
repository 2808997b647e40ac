package dev.arrayjit.typeinfer.typing;

import java.util.Collection;

/** "Did you mean" hints by edit distance. */
public final class Suggest {
    private Suggest() {}

    /** The closest candidate within a small edit distance, or null. */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestD = Math.max(1, name.length() / 3) + 1;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestD && !c.equals(name)) { bestD = d; best = c; }
        }
        return best;
    }

    static String hint(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        return c != null ? "did you mean '" + c + "'?" : "define it before use, or pass it as an argument";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
