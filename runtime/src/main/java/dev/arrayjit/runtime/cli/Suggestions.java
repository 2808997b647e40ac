package dev.arrayjit.runtime.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Names close to a misspelt one, by edit distance (case-insensitive), closest first. */
final class Suggestions {
    private Suggestions() {}

    static List<String> closeTo(String wanted, List<String> names) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        return names.stream()
                .filter(n -> distance(w, n.toLowerCase(Locale.ROOT)) <= limit
                        || n.toLowerCase(Locale.ROOT).contains(w) || w.contains(n.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(n -> distance(w, n.toLowerCase(Locale.ROOT))))
                .limit(3)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
