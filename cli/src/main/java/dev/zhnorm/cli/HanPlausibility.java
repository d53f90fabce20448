package dev.zhnorm.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * How much a decoded text looks like real Chinese rather than mojibake: the share of its Han and other
 * non-ASCII characters that are common Han characters (about 3000 frequent characters in each script,
 * {@code common-han.txt}). Real text scores about 0.9; Big5 read as GB18030 or GB18030 read as Big5
 * scores far lower, because the wrong table spreads its characters over rare ones, kana, Greek,
 * Cyrillic, box drawing and private-use code points. Immutable and thread-safe.
 *
 * <pre>{@code
 * HanPlausibility.standard().score("臺灣的軟體很好用")   // Score[common=8, counted=8] -> 1.0
 * HanPlausibility.standard().score("坻挲，疑。")           // 0.33: two rare characters
 * }</pre>
 */
final class HanPlausibility {
    private static final HanPlausibility STANDARD = load();

    private final BitSet common;

    private HanPlausibility(BitSet common) {
        this.common = common;
    }

    /** @return the instance built from the bundled list */
    static HanPlausibility standard() {
        return STANDARD;
    }

    /**
     * What a text scored.
     *
     * @param common common Han characters
     * @param counted Han characters and other non-ASCII characters that are not punctuation
     * @param suspicious private-use, replacement and control characters (other than tab, line ends, form feed, escape)
     */
    record Score(int common, int counted, int suspicious) {
        /** @return common / counted, 0 when nothing was counted; suspicious characters count double */
        double value() {
            int denominator = counted + suspicious;
            return denominator == 0 ? 0 : (double) common / denominator;
        }
    }

    /**
     * @param codePoint a character
     * @return whether it is one of the common Han characters
     */
    boolean isCommon(int codePoint) {
        return codePoint >= 0 && common.get(codePoint);
    }

    /**
     * @param text decoded text
     * @return its score
     */
    Score score(CharSequence text) {
        int commonCount = 0;
        int counted = 0;
        int suspicious = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' && cp != 0x1B || cp == 0x7F) {
                    suspicious++;
                }
                continue;
            }
            if (isNeutral(cp)) {
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.CONTROL
                    || type == Character.SURROGATE || cp == 0xFFFD) {
                suspicious++;
                counted++;
                continue;
            }
            counted++;
            if (common.get(cp)) {
                commonCount++;
            }
        }
        return new Score(commonCount, counted, suspicious);
    }

    /** Punctuation and spaces that real and garbled text both have: neither evidence for nor against. */
    private static boolean isNeutral(int cp) {
        return cp >= 0x3000 && cp <= 0x303F      // CJK symbols and punctuation
                || cp >= 0xFF01 && cp <= 0xFF5E  // full-width ASCII forms
                || cp >= 0x2010 && cp <= 0x2027  // dashes, quotes, ellipsis
                || cp == 0xA0 || cp == 0xFEFF || cp == 0xB7;
    }

    private static HanPlausibility load() {
        BitSet set = new BitSet(0x10000);
        try (InputStream in = HanPlausibility.class.getResourceAsStream("common-han.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-han.txt is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#")) {
                    line.strip().codePoints().forEach(set::set);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read common-han.txt", e);
        }
        return new HanPlausibility(set);
    }
}
