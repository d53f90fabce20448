package dev.zhnorm.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CompiledDictionary#convertUnlessOperator}: a segmenting caller learns whether a description
 * operator stands in its window, which the skipping loop's stops answer where no key holds one.
 */
class OperatorStopsTest {
    private static final CompiledDictionary ST = BundledData.stage("st");

    /** Long enough for the skipping loop, which derives its filters from 4,096 chars on. */
    private static String longText(String piece) {
        return "头发干净面条".repeat(1000) + piece + "头发干净".repeat(10);
    }

    private static int convert(CompiledDictionary d, String text, boolean end) {
        char[] a = text.toCharArray();
        return d.convertUnlessOperator(a, 0, a.length, end, new CharBuf(16));
    }

    @Test
    void anOperatorAnywhereIsMet() {
        for (String piece : List.of("⿰木木", "⿱", "头⿰发", "⿻")) {
            assertEquals(CompiledDictionary.OPERATOR_MET, convert(ST, longText(piece), true), piece);
        }
        // At the very end, where a streamed window leaves its last chars to the next call.
        assertEquals(CompiledDictionary.OPERATOR_MET, convert(ST, longText("") + "⿰", false));
        assertEquals(CompiledDictionary.OPERATOR_MET, convert(ST, longText("") + "⿰", true));
    }

    @Test
    void withoutOperatorsItConvertsAsConvertDoes() {
        String text = longText("一干二净");
        char[] a = text.toCharArray();
        CharBuf plain = new CharBuf(16);
        int p = ST.convert(a, 0, a.length, true, plain);
        CharBuf out = new CharBuf(16);
        assertEquals(p, ST.convertUnlessOperator(a, 0, a.length, true, out));
        assertEquals(plain.toString(), out.toString());
    }

    /**
     * A key that holds an operator after its first char: the walk from that char passes over the
     * operator without the loop stopping there, so the dictionary must look for operators itself.
     */
    @Test
    void aKeyHoldingAnOperatorInsideIsNoBlindSpot() {
        List<FlatEntry> entries = new ArrayList<>(ST.entries());
        entries.add(new FlatEntry("面⿰", "X", "test"));
        CompiledDictionary d = CompiledDictionary.compile("st+", entries, CompiledDictionary.Purpose.CONVERSION);
        assertEquals(CompiledDictionary.OPERATOR_MET, convert(d, longText("面⿰"), true));
    }

    /** The same for a segmented chain's stage ({@code convertWithin}), whose table loop stops at operators too. */
    @Test
    void aStageGivesUpAtAnOperatorWhereverItStands() {
        CompiledDictionary.Boundaries none = (at, limit) -> limit;
        CompiledDictionary plain = CompiledDictionary.compile("plain",
                List.of(new FlatEntry("發", "发", "t"), new FlatEntry("頭髮", "头发", "t")), CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary holding = CompiledDictionary.compile("holding",
                List.of(new FlatEntry("發", "发", "t"), new FlatEntry("面⿰", "X", "t")), CompiledDictionary.Purpose.CONVERSION);
        for (CompiledDictionary d : List.of(plain, holding)) {
            for (String text : List.of("頭髮⿰木木", "⿰", "頭⿰", "面⿰木", "發發面⿰")) {
                char[] b = text.toCharArray();
                CharBuf out = new CharBuf(4);
                assertEquals(false, d.convertWithin(b, 0, b.length, out, none, null, true), d.name() + " " + text);
                assertEquals(true, d.convertWithin(b, 0, b.length, new CharBuf(4), none, null, false), d.name() + " " + text);
            }
            char[] b = "頭髮面條".toCharArray();
            CharBuf out = new CharBuf(4);
            assertEquals(true, d.convertWithin(b, 0, b.length, out, none, null, true));
        }
    }
}
