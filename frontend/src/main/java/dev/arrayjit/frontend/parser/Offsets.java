package dev.arrayjit.frontend.parser;

/**
 * Maps ANTLR's stream indices (code points, counted from the start of the lexed text) to the
 * UTF-16 offsets in the whole file that {@code Span} uses. The lexed text is the file, or a piece
 * of it (an f-string field) that starts at {@code base}.
 */
final class Offsets {
    private final int base;
    /** Char offset of each code point, or null when the text has no surrogate pairs. */
    private final int[] charOffsets;

    private Offsets(int base, int[] charOffsets) {
        this.base = base;
        this.charOffsets = charOffsets;
    }

    static Offsets of(String text, int base) {
        boolean bmpOnly = true;
        for (int i = 0; i < text.length() && bmpOnly; i++) bmpOnly = !Character.isSurrogate(text.charAt(i));
        if (bmpOnly) return new Offsets(base, null);
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) map[cp++] = i;
        map[cp] = text.length();
        return new Offsets(base, map);
    }

    /** The file offset of code point {@code index}; the index just past the end maps to the end. */
    int toChar(int index) {
        if (charOffsets == null) return base + index;
        return base + charOffsets[Math.max(0, Math.min(index, charOffsets.length - 1))];
    }
}
