package dev.zhnorm.bench;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import com.github.houbb.opencc4j.util.ZhHkConverterUtil;
import com.github.houbb.opencc4j.util.ZhTwConverterUtil;
import com.hankcs.hanlp.HanLP;
import com.ibm.icu.text.Transliterator;
import dev.zhnorm.Converter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What is measured: a subject is {@code engine:preset}, the engine being zhnorm or a peer and the
 * preset an OpenCC configuration id. Each peer is mapped only to the presets it really implements:
 *
 * <table>
 * <caption>Peer mapping</caption>
 * <tr><th>preset</th><th>OpenCC4j 1.14.0</th><th>ICU4J Transliterator</th><th>HanLP portable-1.8.6</th></tr>
 * <tr><td>t2s</td><td>{@code ZhConverterUtil.toSimple}</td><td>{@code Traditional-Simplified}</td><td>{@code convertToSimplifiedChinese}</td></tr>
 * <tr><td>s2t</td><td>{@code ZhConverterUtil.toTraditional}</td><td>{@code Simplified-Traditional}</td><td>{@code convertToTraditionalChinese}</td></tr>
 * <tr><td>s2twp</td><td>{@code ZhTwConverterUtil.toTraditional} (TWPhrases + TWVariants)</td><td></td><td>{@code s2tw} (with Taiwan vocabulary)</td></tr>
 * <tr><td>tw2sp</td><td>{@code ZhTwConverterUtil.toSimple}</td><td></td><td>{@code tw2s}</td></tr>
 * <tr><td>s2hk</td><td>{@code ZhHkConverterUtil.toTraditional}</td><td></td><td>{@code s2hk}</td></tr>
 * <tr><td>hk2s</td><td>{@code ZhHkConverterUtil.toSimple}</td><td></td><td>{@code hk2s}</td></tr>
 * <tr><td>t2hk</td><td></td><td></td><td>{@code t2hk}</td></tr>
 * <tr><td>hk2t</td><td></td><td></td><td>{@code hk2t}</td></tr>
 * </table>
 *
 * HanLP's {@code t2tw}/{@code tw2t} also swap vocabulary (OpenCC's do not), so they are not
 * compared; nor are OpenCC4j's Japanese tables, whose chaining is not OpenCC's {@code t2jp}.
 */
public final class Subjects {
    /** The engines, in report order. */
    public static final List<String> ENGINES = List.of("zhnorm", "opencc4j", "icu4j", "hanlp");

    private static final Map<String, Supplier<Function<String, String>>> PEERS = new LinkedHashMap<>();

    static {
        PEERS.put("opencc4j:t2s", () -> ZhConverterUtil::toSimple);
        PEERS.put("opencc4j:s2t", () -> ZhConverterUtil::toTraditional);
        PEERS.put("opencc4j:s2twp", () -> ZhTwConverterUtil::toTraditional);
        PEERS.put("opencc4j:tw2sp", () -> ZhTwConverterUtil::toSimple);
        PEERS.put("opencc4j:s2hk", () -> ZhHkConverterUtil::toTraditional);
        PEERS.put("opencc4j:hk2s", () -> ZhHkConverterUtil::toSimple);
        PEERS.put("icu4j:t2s", () -> icu("Traditional-Simplified"));
        PEERS.put("icu4j:s2t", () -> icu("Simplified-Traditional"));
        PEERS.put("hanlp:t2s", () -> HanLP::convertToSimplifiedChinese);
        PEERS.put("hanlp:s2t", () -> HanLP::convertToTraditionalChinese);
        PEERS.put("hanlp:s2twp", () -> HanLP::s2tw);
        PEERS.put("hanlp:tw2sp", () -> HanLP::tw2s);
        PEERS.put("hanlp:s2hk", () -> HanLP::s2hk);
        PEERS.put("hanlp:hk2s", () -> HanLP::hk2s);
        PEERS.put("hanlp:t2hk", () -> HanLP::t2hk);
        PEERS.put("hanlp:hk2t", () -> HanLP::hk2t);
    }

    private Subjects() {
    }

    private static Function<String, String> icu(String id) {
        Transliterator t = Transliterator.getInstance(id);
        return t::transliterate;
    }

    /** @return the peer subjects, {@code engine:preset} */
    public static List<String> peers() {
        return List.copyOf(PEERS.keySet());
    }

    /** @return the engine of a subject */
    public static String engine(String subject) {
        return subject.substring(0, colon(subject));
    }

    /** @return the preset of a subject */
    public static String preset(String subject) {
        return subject.substring(colon(subject) + 1);
    }

    private static int colon(String subject) {
        int i = subject.indexOf(':');
        if (i < 0) {
            throw new IllegalArgumentException("subject '" + subject + "' is not engine:preset");
        }
        return i;
    }

    /**
     * @param subject {@code engine:preset}
     * @return the conversion, loaded (its dictionaries read) but not yet run
     * @throws IllegalArgumentException when the engine does not implement the preset
     */
    public static Function<String, String> conversion(String subject) {
        if (engine(subject).equals("zhnorm")) {
            Converter c = Converter.of(preset(subject));
            return c::convert;
        }
        Supplier<Function<String, String>> s = PEERS.get(subject);
        if (s == null) {
            throw new IllegalArgumentException("no such subject '" + subject + "'; peers: " + PEERS.keySet());
        }
        return s.get();
    }
}
