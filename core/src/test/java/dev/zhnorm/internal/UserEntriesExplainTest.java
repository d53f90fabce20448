package dev.zhnorm.internal;

import dev.zhnorm.Change;
import dev.zhnorm.Converter;
import dev.zhnorm.Explanation;
import dev.zhnorm.Preset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Explanations of a converter with user entries: the user level records its entries and, between
 * them, the cascade's edits, all in the run's positions, so the changes rebuild the output.
 */
class UserEntriesExplainTest {
    private static final List<String> TOKENS = List.of("頭髮", "漢字", "後來", "臺灣", "的", " ", "髮", "乾燥", "𠀀", "a");

    @Test
    void changesRebuildTheOutputAroundUserEntries() {
        Converter c = Converter.builder().preset(Preset.T2S).userEntry("頭髮", "髮").userEntry("漢字", "汉字字")
                .userEntry("臺灣", "台").build();
        Random r = new Random(42);
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) {
                sb.append(TOKENS.get(r.nextInt(TOKENS.size())));
            }
            String text = sb.toString();
            Explanation e = c.explain(text);
            assertEquals(c.convert(text), e.output(), text);
            StringBuilder replay = new StringBuilder();
            int in = 0;
            for (Change ch : e.changes()) {
                assertEquals(text.substring(ch.inputStart(), ch.inputEnd()), ch.before(), text);
                assertEquals(e.output().substring(ch.outputStart(), ch.outputEnd()), ch.after(), text);
                replay.append(text, in, ch.inputStart()).append(ch.after());
                in = ch.inputEnd();
            }
            assertEquals(e.output(), replay.append(text, in, text.length()).toString(), text);
        }
    }

    @Test
    void anEntryAndTheTextAroundIt() {
        Converter c = Converter.builder().preset(Preset.T2S).userEntry("頭髮", "髮").build();
        List<Change> changes = c.explain("乾燥頭髮乾燥").changes();
        assertEquals(List.of("0:乾燥→干燥", "2:頭髮→髮", "4:乾燥→干燥"),
                changes.stream().map(ch -> ch.inputStart() + ":" + ch.before() + "→" + ch.after()).toList());
        assertEquals(List.of(0, 2, 3), changes.stream().map(Change::outputStart).toList());
    }
}
