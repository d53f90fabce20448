package dev.zhnorm;

import dev.zhnorm.internal.BundledData;
import dev.zhnorm.internal.CompiledDictionary;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Objects;

/**
 * Tells whether a text is written in Traditional or Simplified Chinese, both ({@link Script#MIXED}),
 * or neither ({@link Script#NONE}), and gives the counts that decided it.
 *
 * <h2>The rule</h2>
 * Only characters that belong to one script count:
 * <ul>
 *   <li><b>Traditional-only</b>: characters that OpenCC's Traditional-to-Simplified character table
 *       changes (這, 體, 灣, 後), except those that its Simplified-to-Traditional table changes too.</li>
 *   <li><b>Simplified-only</b>: characters that the Simplified-to-Traditional table changes (这, 体, 湾),
 *       except those that the Traditional-to-Simplified table changes too.</li>
 *   <li>Neither: every other character, including the characters both standards use although a
 *       table converts them by default, such as 台, 后, 里, 干, 于 and 著 (their OpenCC entries list the
 *       character itself among its own conversions; see {@link #SHARED}).</li>
 * </ul>
 * With {@code t} Traditional-only and {@code s} Simplified-only characters: no deciding character
 * gives {@link Script#NONE}; otherwise the text is {@link Script#MIXED} when the smaller count is at
 * least a tenth of {@code t + s}, else the script of the larger count. The tolerance keeps a name or a
 * quotation in the other script from turning a long text into "mixed"; two deciding characters of
 * different scripts, or one of ten, already make it mixed.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * ScriptDetector detector = ScriptDetector.standard();
 * detector.detect("臺灣的軟體").script();                  // TRADITIONAL
 * detector.detect("hello").script();                       // NONE
 * try (Reader in = Files.newBufferedReader(file)) {
 *     ScriptDetection d = detector.detect(in);             // streams; memory does not grow with the text
 * }
 * ScriptDetector.Tally tally = detector.tally();           // or feed chunks yourself
 * tally.accept("繁體中文");
 * tally.accept(chars, 0, n);
 * tally.result();                                          // e.g. traditional (traditional-only 1, simplified-only 0, Han 4)
 * }</pre>
 *
 * <p>Costs one table read per character and allocates nothing per character. The tables (a byte per
 * BMP character, plus a few sorted code points of CJK Extension B and later) are derived once, on
 * first use, from the compiled bundled OpenCC tables. The detector is immutable and thread-safe; a
 * {@link Tally} is not.
 */
public final class ScriptDetector {
    /**
     * Characters standard in both scripts although OpenCC's character tables convert them by default:
     * their entry lists the character itself among its conversions (STCharacters: 干 → 幹 乾 干;
     * TSCharacters: 於 → 于 於). A test checks this list against OpenCC's tables.
     */
    static final String SHARED = "㐹万丑丰于云亘仆价伙余佣党准几凶划占厂厘台叶吁后咨咸夸尸岩岳帘干广征愿托挂据斗朴杠杰松"
            + "极柜栗涂淀游皂确种筑胜腊腌膻苹范荐虫蚝蜡辟适郁采里" + "徵於睪薹蘋麽";

    /** Character classes of the BMP table. */
    private static final byte OTHER = 0;
    private static final byte HAN = 1;
    private static final byte TRADITIONAL = 2;
    private static final byte SIMPLIFIED = 3;

    /** First code point of CJK Extension B; below it every Han character is in the BMP. */
    private static final int EXT_B = 0x20000;
    /** Last code point of CJK Extension H, the end of the spec's Han range. */
    private static final int HAN_LAST = 0x3134F;

    /** One class (OTHER, HAN, TRADITIONAL, SIMPLIFIED) per BMP char. */
    private final byte[] bmp;
    private final int[] supplementaryTraditional;
    private final int[] supplementarySimplified;

    private ScriptDetector(byte[] bmp, int[] supplementaryTraditional, int[] supplementarySimplified) {
        this.bmp = bmp;
        this.supplementaryTraditional = supplementaryTraditional;
        this.supplementarySimplified = supplementarySimplified;
    }

    /** Lazy holder: the tables are derived on first use only. */
    private static final class Standard {
        static final ScriptDetector INSTANCE = derive(BundledData.stage("ts"), BundledData.stage("st"));
    }

    /**
     * @return the detector built on zhnorm's bundled OpenCC character tables (shared; derived on first use)
     */
    public static ScriptDetector standard() {
        return Standard.INSTANCE;
    }

    /**
     * Decides the script of a whole text.
     *
     * @param text the text
     * @return the verdict and its counts
     */
    public ScriptDetection detect(CharSequence text) {
        Tally t = tally();
        t.accept(text);
        return t.result();
    }

    /**
     * Decides the script of a stream, reading it to the end in chunks (not closed).
     *
     * @param in the text
     * @return the verdict and its counts
     * @throws IOException when reading fails
     */
    public ScriptDetection detect(Reader in) throws IOException {
        Objects.requireNonNull(in, "in");
        Tally t = tally();
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            t.accept(buf, 0, n);
        }
        return t.result();
    }

    /**
     * Whether a text is Traditional Chinese: the check users of OpenCC4j's {@code isTraditional} look for.
     *
     * <pre>{@code
     * ScriptDetector d = ScriptDetector.standard();
     * d.isTraditional("臺灣的軟體");    // true
     * d.isTraditional("台湾的软件");    // false
     * d.isTraditional("中文");          // false: no character of only one script decides it
     * }</pre>
     *
     * @param text the text
     * @return true when {@link #detect(CharSequence)} decides {@link Script#TRADITIONAL}
     */
    public boolean isTraditional(CharSequence text) {
        return detect(text).script() == Script.TRADITIONAL;
    }

    /**
     * Whether a text is Simplified Chinese.
     *
     * <pre>{@code
     * ScriptDetector.standard().isSimplified("台湾的软件");   // true
     * ScriptDetector.standard().isSimplified("這是简体");     // false: MIXED
     * }</pre>
     *
     * @param text the text
     * @return true when {@link #detect(CharSequence)} decides {@link Script#SIMPLIFIED}
     */
    public boolean isSimplified(CharSequence text) {
        return detect(text).script() == Script.SIMPLIFIED;
    }

    /**
     * Whether a text has any character that only Traditional text uses, however few: the quick
     * question before converting to Simplified. Stops at the first one.
     *
     * <pre>{@code
     * ScriptDetector.standard().containsTraditional("这是简体，只有一個繁体字");   // true (個)
     * ScriptDetector.standard().containsTraditional("这是简体");               // false
     * }</pre>
     *
     * @param text the text
     * @return true when some character occurs only in Traditional text
     */
    public boolean containsTraditional(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(text, i);
            if (cp < 0x10000 ? bmp[cp] == TRADITIONAL : Arrays.binarySearch(supplementaryTraditional, cp) >= 0) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** @return a new, empty tally for feeding a text in chunks */
    public Tally tally() {
        return new Tally();
    }

    /**
     * Counts deciding characters over chunks of one text; a surrogate pair may be split between two
     * chunks. Not thread-safe: one tally per text.
     */
    public final class Tally {
        private long traditional;
        private long simplified;
        private long han;
        /** A high surrogate that ended the previous chunk, or 0. */
        private char pendingHigh;

        private Tally() {
        }

        /**
         * @param text the next chunk
         * @return this tally
         */
        public Tally accept(CharSequence text) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                step(text.charAt(i));
            }
            return this;
        }

        /**
         * @param chars a buffer
         * @param offset start of the chunk in it
         * @param length length of the chunk
         * @return this tally
         */
        public Tally accept(char[] chars, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, chars.length);
            for (int i = offset, end = offset + length; i < end; i++) {
                step(chars[i]);
            }
            return this;
        }

        private void step(char c) {
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    countSupplementary(Character.toCodePoint(high, c));
                    return;
                }
            }
            switch (bmp[c]) {
                case OTHER:
                    if (Character.isHighSurrogate(c)) {
                        pendingHigh = c;
                    }
                    break;
                case HAN:
                    han++;
                    break;
                case TRADITIONAL:
                    han++;
                    traditional++;
                    break;
                default:
                    han++;
                    simplified++;
                    break;
            }
        }

        private void countSupplementary(int cp) {
            if (cp < EXT_B || cp > HAN_LAST) {
                return;
            }
            han++;
            if (Arrays.binarySearch(supplementaryTraditional, cp) >= 0) {
                traditional++;
            } else if (Arrays.binarySearch(supplementarySimplified, cp) >= 0) {
                simplified++;
            }
        }

        /** @return the verdict over everything accepted so far (the tally can go on) */
        public ScriptDetection result() {
            return new ScriptDetection(decide(traditional, simplified), traditional, simplified, han);
        }
    }

    /** The rule of the class comment: none, mixed when the minority is at least a tenth, else the majority. */
    static Script decide(long traditional, long simplified) {
        long total = traditional + simplified;
        if (total == 0) {
            return Script.NONE;
        }
        if (Math.min(traditional, simplified) * 10 >= total) {
            return Script.MIXED;
        }
        return traditional > simplified ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    /**
     * Derives the tables from two compiled character tables.
     *
     * @param toSimplified Traditional-to-Simplified stage (keys are Traditional forms it changes)
     * @param toTraditional Simplified-to-Traditional stage (keys are Simplified forms it changes)
     */
    static ScriptDetector derive(CompiledDictionary toSimplified, CompiledDictionary toTraditional) {
        byte[] bmp = new byte[1 << 16];
        markHan(bmp, 0x3400, 0x4DBF);
        markHan(bmp, 0x4E00, 0x9FFF);
        bmp[0x3007] = HAN;
        boolean[] shared = new boolean[1 << 16];
        SHARED.chars().forEach(c -> shared[c] = true); // all in the BMP (checked by a test)
        char[] one = new char[1];
        for (int c = 0; c < bmp.length; c++) {
            if (Character.isSurrogate((char) c) || shared[c]) {
                continue;
            }
            one[0] = (char) c;
            boolean t = toSimplified.match(one, 0, 1) != CompiledDictionary.NO_MATCH;
            boolean s = toTraditional.match(one, 0, 1) != CompiledDictionary.NO_MATCH;
            if (t != s) {
                bmp[c] = t ? TRADITIONAL : SIMPLIFIED;
            }
        }
        int[] trad = new int[64];
        int[] simp = new int[64];
        int nt = 0;
        int ns = 0;
        char[] two = new char[2];
        for (int cp = EXT_B; cp <= HAN_LAST; cp++) {
            Character.toChars(cp, two, 0);
            boolean t = matchesWhole(toSimplified, two);
            boolean s = matchesWhole(toTraditional, two);
            if (t && !s) {
                trad = append(trad, nt++, cp);
            } else if (s && !t) {
                simp = append(simp, ns++, cp);
            }
        }
        return new ScriptDetector(bmp, Arrays.copyOf(trad, nt), Arrays.copyOf(simp, ns));
    }

    private static boolean matchesWhole(CompiledDictionary d, char[] pair) {
        long m = d.match(pair, 0, 2);
        return m != CompiledDictionary.NO_MATCH && CompiledDictionary.matchLength(m) == 2;
    }

    private static int[] append(int[] a, int index, int value) {
        int[] grown = index < a.length ? a : Arrays.copyOf(a, a.length * 2);
        grown[index] = value;
        return grown;
    }

    private static void markHan(byte[] bmp, int first, int last) {
        Arrays.fill(bmp, first, last + 1, HAN);
    }
}
