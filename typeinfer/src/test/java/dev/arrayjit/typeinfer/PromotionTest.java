package dev.arrayjit.typeinfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.frontend.ast.BinaryOp;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import dev.arrayjit.typeinfer.typing.Promotion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks our operator typing against every cell of the table recorded from Numba 0.56 (numba-facts/promotion.json). */
class PromotionTest {
    private static final Pattern OP = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern CELL = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]*)\"");

    @Test
    void everyCellOfNumbasTableMatches() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/numba-facts/promotion.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        List<String> mismatches = new ArrayList<>();
        Matcher ops = OP.matcher(json);
        while (ops.find()) {
            String sym = ops.group(1);
            Matcher cells = CELL.matcher(ops.group(2));
            while (cells.find()) {
                String[] lr = cells.group(1).split(",");
                String expected = cells.group(2);
                Type l = operand(lr[0]), r = operand(lr[1]);
                Type got = switch (sym) {
                    case "==" -> Types.BOOL;
                    case "<" -> (l instanceof Type.Complex || r instanceof Type.Complex) ? null : Types.BOOL;
                    default -> Promotion.binary(BinaryOp.fromSymbol(sym), l, r);
                };
                String gotText = got == null ? "error" : got.toString();
                String want = expected.startsWith("error") ? "error" : expected;
                checked++;
                if (!gotText.equals(want)) mismatches.add(lr[0] + " " + sym + " " + lr[1] + ": numba " + want + ", ours " + gotText);
            }
        }
        assertTrue(checked > 3000, "read " + checked + " cells");
        assertEquals(List.of(), mismatches);
    }

    private static Type operand(String s) {
        return switch (s) {
            case "1" -> Types.INT64;
            case "1.0" -> Types.FLOAT64;
            default -> Types.scalar(s);
        };
    }

    @Test
    void numpyPromotionUnifiesVariablesAsNumbaDoes() {
        assertEquals(Types.FLOAT64, Promotion.promote(Types.INT64, Types.UINT64));
        assertEquals(Types.INT16, Promotion.promote(Types.INT8, Types.UINT8));
        assertEquals(Types.FLOAT64, Promotion.promote(Types.INT32, Types.FLOAT32));
        assertEquals(Types.FLOAT32, Promotion.promote(Types.INT16, Types.FLOAT32));
        assertEquals(Types.INT64, Promotion.promote(Types.INT64, Types.BOOL));
        assertEquals(Types.UINT32, Promotion.promote(Types.UINT16, Types.UINT32));
    }
}
