package dev.zhnorm;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The bundled conversions: OpenCC's sixteen configurations under OpenCC's ids and with OpenCC's
 * structure, plus {@link #T2CN}, zhnorm's conversion of Traditional text of any region to mainland
 * Simplified.
 *
 * <pre>{@code
 * Converter.of(Preset.S2TWP).convert("鼠标和软件");   // "滑鼠和軟體"
 * Preset.fromId("tw2s");                            // Optional[TW2S]
 * }</pre>
 */
public enum Preset {
    /** Simplified to Traditional (OpenCC standard). */
    S2T("s2t", "Simplified Chinese to Traditional Chinese (OpenCC standard)"),
    /** Traditional (OpenCC standard) to Simplified. */
    T2S("t2s", "Traditional Chinese (OpenCC standard) to Simplified Chinese"),
    /** Simplified to Traditional, Taiwan character forms. */
    S2TW("s2tw", "Simplified Chinese to Traditional Chinese (Taiwan standard)"),
    /** Traditional, Taiwan character forms, to Simplified. */
    TW2S("tw2s", "Traditional Chinese (Taiwan standard) to Simplified Chinese"),
    /** Simplified to Traditional, Hong Kong character forms. */
    S2HK("s2hk", "Simplified Chinese to Traditional Chinese (Hong Kong standard)"),
    /** Traditional, Hong Kong character forms, to Simplified. */
    HK2S("hk2s", "Traditional Chinese (Hong Kong standard) to Simplified Chinese"),
    /** Simplified to Traditional, Taiwan forms and Taiwanese vocabulary. */
    S2TWP("s2twp", "Simplified Chinese to Traditional Chinese (Taiwan standard) with Taiwanese phrases"),
    /** Traditional, Taiwan forms and vocabulary, to Simplified with mainland vocabulary. */
    TW2SP("tw2sp", "Traditional Chinese (Taiwan standard) to Simplified Chinese with mainland phrases"),
    /** OpenCC-standard Traditional to Taiwan character forms. */
    T2TW("t2tw", "Traditional Chinese (OpenCC standard) to Taiwan standard"),
    /** Taiwan character forms to OpenCC-standard Traditional. */
    TW2T("tw2t", "Traditional Chinese (Taiwan standard) to Traditional Chinese (OpenCC standard)"),
    /** OpenCC-standard Traditional to Hong Kong character forms. */
    T2HK("t2hk", "Traditional Chinese (OpenCC standard) to Hong Kong standard"),
    /** Hong Kong character forms to OpenCC-standard Traditional. */
    HK2T("hk2t", "Traditional Chinese (Hong Kong standard) to Traditional Chinese (OpenCC standard)"),
    /** OpenCC-standard Traditional (Kyūjitai) to Japanese Shinjitai. */
    T2JP("t2jp", "Traditional Chinese characters (Kyujitai) to New Japanese Kanji (Shinjitai)"),
    /** Japanese Shinjitai to OpenCC-standard Traditional (Kyūjitai). */
    JP2T("jp2t", "New Japanese Kanji (Shinjitai) to Traditional Chinese characters (Kyujitai)"),
    /** Simplified to Traditional, Hong Kong forms and Hong Kong vocabulary. */
    S2HKP("s2hkp", "Simplified Chinese to Traditional Chinese (Hong Kong standard) with Hong Kong phrases"),
    /** Traditional, Hong Kong forms and vocabulary, to Simplified with mainland vocabulary. */
    HK2SP("hk2sp", "Traditional Chinese (Hong Kong standard) to Simplified Chinese with mainland phrases"),
    /**
     * Traditional text of any region (Taiwan, Hong Kong, OpenCC standard, Big5 gateways) to mainland
     * Simplified characters, with disambiguation of one-to-many characters such as 著 (着/著), 乾
     * (干/乾), 甚麼 (什么); characters and variants only, no vocabulary replacement. The default
     * "to Simplified" conversion.
     */
    T2CN("t2cn", "Traditional Chinese of any region to mainland Simplified Chinese (characters and variants)");

    private final String id;
    private final String description;

    Preset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** @return the id, e.g. {@code s2twp}, the name OpenCC gives the configuration */
    public String id() {
        return id;
    }

    /** @return a one-line description */
    public String description() {
        return description;
    }

    /**
     * @param id a preset id such as {@code t2s}; case-sensitive, an optional {@code .json} suffix is ignored
     * @return the preset, or empty for an unknown id
     */
    public static Optional<Preset> fromId(String id) {
        String bare = id.endsWith(".json") ? id.substring(0, id.length() - 5) : id;
        return Arrays.stream(values()).filter(p -> p.id.equals(bare)).findFirst();
    }

    /** The valid ids, comma-separated, for core's error messages. */
    static String validIds() {
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
