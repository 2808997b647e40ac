package dev.arrayjit.codegen.llvm;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * A small FileCheck: {@code CHECK: text} lines must occur in order in the output (each match starts
 * after the previous one), and {@code CHECK-NOT: text} must not occur between the surrounding matches.
 * Lines not starting with a directive are ignored. Text is matched literally.
 */
final class FileCheck {
    private FileCheck() {}

    static void check(String output, String directives) {
        int pos = 0;
        List<String> pendingNot = new ArrayList<>();
        for (String raw : directives.strip().split("\n")) {
            String line = raw.strip();
            if (line.startsWith("CHECK-NOT:")) {
                pendingNot.add(line.substring("CHECK-NOT:".length()).strip());
            } else if (line.startsWith("CHECK:")) {
                String want = line.substring("CHECK:".length()).strip();
                int at = output.indexOf(want, pos);
                if (at < 0) fail("CHECK: '" + want + "' not found after offset " + pos + " in:\n" + output);
                for (String not : pendingNot) {
                    int bad = output.indexOf(not, pos);
                    if (bad >= 0 && bad < at) fail("CHECK-NOT: '" + not + "' found before '" + want + "' in:\n" + output);
                }
                pendingNot.clear();
                pos = at + want.length();
            }
        }
        for (String not : pendingNot) {
            if (output.indexOf(not, pos) >= 0) fail("CHECK-NOT: '" + not + "' found at the end of:\n" + output);
        }
    }
}
