package dev.zhnorm.internal.normalize;

import com.ibm.icu.text.Normalizer2;

/**
 * Tables for U2 and U3: which code points stand for a unified ideograph.
 * <ul>
 * <li>U2: the CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) map to their canonical
 *     decomposition, taken from ICU's NFC data one code point at a time (never NFC of a whole
 *     text, which would also recompose other characters).</li>
 * <li>U3: the Kangxi radicals (U+2F00–2FD5) map to their compatibility decomposition, from ICU's
 *     NFKC data one code point at a time (never NFKC of a text, spec §3 W5 and §5 U4). The CJK
 *     radicals supplement (U+2E80–2EF3) has no decompositions except two, so its table is
 *     written here: each radical form that looks like, and is extracted from PDFs as, a whole
 *     character maps to that character. Radicals without a clear single counterpart stay.</li>
 * </ul>
 */
final class IdeographVariants {
    /** Radicals supplement form followed by the unified ideograph it stands for, pair by pair. */
    private static final String RADICALS_SUPPLEMENT =
            "⺁厂⺂乛⺃乚⺅亻⺆冂⺉刂⺊卜⺋㔾⺌小⺎兀⺏尣⺐尢⺒巳⺓幺⺖忄⺗㣺⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民"
            + "⺡氵⺢氺⺣灬⺤爫⺦丬⺧牜⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺯糹⺰纟⺲罒⺹耂⺺肀⺻聿⺽臼⺾艹⻁虎⻂衤"
            + "⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食"
            + "⻟飠⻠饣⻡首⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟";

    /** Index c - 0xF900 (BMP block) gives the target code point, 0 for none. */
    private static final int[] COMPAT_BMP = new int[0xFB00 - 0xF900];
    /** Index cp - 0x2F800 gives the target code point, 0 for none. */
    private static final int[] COMPAT_SUPPLEMENT = new int[0x2FA20 - 0x2F800];
    /** Index c - 0x2E80 (radicals supplement and Kangxi radicals) gives the target, 0 for none. */
    private static final int[] RADICALS = new int[0x2FE0 - 0x2E80];

    static {
        Normalizer2 nfc = Normalizer2.getNFCInstance();
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        for (int cp = 0xF900; cp < 0xFB00; cp++) {
            COMPAT_BMP[cp - 0xF900] = single(nfc.getRawDecomposition(cp));
        }
        for (int cp = 0x2F800; cp < 0x2FA20; cp++) {
            COMPAT_SUPPLEMENT[cp - 0x2F800] = single(nfc.getRawDecomposition(cp));
        }
        for (int cp = 0x2F00; cp <= 0x2FD5; cp++) {
            RADICALS[cp - 0x2E80] = single(nfkc.getRawDecomposition(cp));
        }
        for (int i = 0; i < RADICALS_SUPPLEMENT.length(); ) {
            int radical = RADICALS_SUPPLEMENT.codePointAt(i);
            i += Character.charCount(radical);
            int target = RADICALS_SUPPLEMENT.codePointAt(i);
            i += Character.charCount(target);
            RADICALS[radical - 0x2E80] = target;
        }
    }

    private IdeographVariants() {
    }

    private static int single(String decomposition) {
        if (decomposition == null || decomposition.codePointCount(0, decomposition.length()) != 1) {
            return 0;
        }
        return decomposition.codePointAt(0);
    }

    /** @return the unified ideograph for a compatibility ideograph (U2), or 0 */
    static int compatibility(int cp) {
        if (cp >= 0xF900 && cp < 0xFB00) {
            return COMPAT_BMP[cp - 0xF900];
        }
        if (cp >= 0x2F800 && cp < 0x2FA20) {
            return COMPAT_SUPPLEMENT[cp - 0x2F800];
        }
        return 0;
    }

    /** @return the unified ideograph for a radical (U3), or 0 */
    static int radical(int cp) {
        if (cp >= 0x2E80 && cp < 0x2FE0) {
            return RADICALS[cp - 0x2E80];
        }
        return 0;
    }
}
