package dev.zhnorm.bench;

import com.ibm.icu.text.Transliterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark inputs, by name, for a source script: the shared corpora (read from
 * {@code ../shared/corpus}, never copied into the repository), the reference article repeated to
 * 2 MB, and a deterministic synthetic corpus generated in code. Sizes are SI: 1 KB = 1,000 bytes,
 * 1 MB = 1,000,000 bytes of UTF-8, the unit of every MB/s this suite reports.
 *
 * <p>The corpus folder is {@code -Dzhnorm.corpus.dir=...} when set; otherwise the first
 * {@code ../shared/corpus} found walking up from the working directory (the repository root's
 * sibling {@code shared/}). With {@code -Dzhnorm.bench.smoke=true} every input is cut to a few
 * thousand chars, so that the whole suite runs in seconds as a build check.
 */
public final class Inputs {
    /** Property naming the corpus folder. */
    public static final String CORPUS_DIR_PROPERTY = "zhnorm.corpus.dir";
    /** Property that cuts every input to a few thousand chars (the smoke configuration). */
    public static final String SMOKE_PROPERTY = "zhnorm.bench.smoke";
    /** Fixed seed of the synthetic corpus. */
    public static final long SEED = 0x5EED_2024_0C0CL;

    private static final int SMOKE_CHARS = 3000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Inputs() {
    }

    /** The script a preset reads. */
    public enum Script {
        /** Simplified Chinese (and, for {@code jp2t}, Japanese Shinjitai, closest to it). */
        SIMPLIFIED,
        /** Traditional Chinese. */
        TRADITIONAL
    }

    /**
     * @param preset a preset id
     * @return the script of its input: Simplified for {@code s2*} and {@code jp2t}, else Traditional
     */
    public static Script sourceScript(String preset) {
        return preset.startsWith("s2") || preset.equals("jp2t") ? Script.SIMPLIFIED : Script.TRADITIONAL;
    }

    /**
     * An input by name, in the given script.
     *
     * <ul>
     * <li>{@code zuozhuan}: 左传, {@code zuozhuan.txt} (Simplified) or {@code zuozhuan.hant.txt} (Traditional);</li>
     * <li>{@code article}: the reference article (Traditional, 10.6 KB), whatever the script;</li>
     * <li>{@code article-2MB}: the reference article (Traditional) repeated to 2 MB, whatever the script;</li>
     * <li>{@code zuozhuan-20MB}: 左传 in the script, repeated to 20 MB;</li>
     * <li>{@code synthetic-1KB}, {@code synthetic-100KB}, {@code synthetic-10MB}: generated, see {@link #synthetic}.</li>
     * </ul>
     *
     * @param name the input name
     * @param script the script
     * @return the text (cached per JVM)
     */
    public static String text(String name, Script script) {
        String key = name + "/" + script + (smoke() ? "/smoke" : "");
        return CACHE.computeIfAbsent(key, k -> smoke() ? cut(load(name, script)) : load(name, script));
    }

    /** @return the UTF-8 length of {@link #text} */
    public static long utf8Bytes(String name, Script script) {
        return utf8Length(text(name, script));
    }

    /** @return whether the smoke configuration is on */
    public static boolean smoke() {
        return Boolean.getBoolean(SMOKE_PROPERTY);
    }

    private static String load(String name, Script script) {
        if (smoke() && !name.startsWith("synthetic-") && findCorpusDir().isEmpty()) {
            // The smoke configuration checks that every benchmark runs, not what it measures: without
            // the corpus, generated text in the same script stands in for it.
            System.err.println("zhnorm benchmarks (smoke): no ../shared/corpus here; input '" + name
                    + "' is generated text instead");
            return synthetic(2 * SMOKE_CHARS, script);
        }
        switch (name) {
            case "zuozhuan":
                return read(script == Script.SIMPLIFIED ? "zuozhuan.txt" : "zuozhuan.hant.txt");
            case "zuozhuan-20MB":
                return repeatTo(read(script == Script.SIMPLIFIED ? "zuozhuan.txt" : "zuozhuan.hant.txt"), 20_000_000);
            case "article":
                return read("000_f7272f80a1d8ce85.txt");
            case "article-2MB":
                return repeatTo(read("000_f7272f80a1d8ce85.txt"), 2_000_000);
            default:
                if (name.startsWith("synthetic-")) {
                    return synthetic(parseSize(name.substring("synthetic-".length())), script);
                }
                throw new IllegalArgumentException("unknown input '" + name + "'");
        }
    }

    private static int parseSize(String s) {
        if (s.endsWith("KB")) {
            return Integer.parseInt(s.substring(0, s.length() - 2)) * 1_000;
        }
        if (s.endsWith("MB")) {
            return Integer.parseInt(s.substring(0, s.length() - 2)) * 1_000_000;
        }
        throw new IllegalArgumentException("bad size '" + s + "' (want e.g. 1KB, 100KB, 10MB)");
    }

    /** @return whether the shared corpus is here (the smoke configuration runs without it) */
    public static boolean corpusAvailable() {
        return findCorpusDir().isPresent();
    }

    /** @return the corpus folder: the property, else {@code ../shared/corpus} found walking up from the working dir */
    public static Path corpusDir() {
        return findCorpusDir().orElseThrow(() -> new IllegalStateException("no ../shared/corpus found above "
                + Path.of("").toAbsolutePath() + "; set -D" + CORPUS_DIR_PROPERTY + "=/path/to/shared/corpus"));
    }

    private static Optional<Path> findCorpusDir() {
        String prop = System.getProperty(CORPUS_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("-D" + CORPUS_DIR_PROPERTY + "=" + prop + " is not a folder");
            }
            return Optional.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("../shared/corpus").normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String read(String file) {
        Path p = corpusDir().resolve(file);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + p + " (set -D" + CORPUS_DIR_PROPERTY + ")", e);
        }
    }

    /** Whole copies of {@code text}, each ending with a newline, until at least {@code bytes} of UTF-8. */
    static String repeatTo(String text, long bytes) {
        String unit = text.endsWith("\n") ? text : text + "\n";
        long unitBytes = utf8Length(unit);
        int copies = (int) Math.max(1, (bytes + unitBytes - 1) / unitBytes);
        return unit.repeat(copies);
    }

    /** The first {@value #SMOKE_CHARS} chars, never splitting a surrogate pair. */
    private static String cut(String s) {
        if (s.length() <= SMOKE_CHARS) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(SMOKE_CHARS - 1)) ? SMOKE_CHARS - 1 : SMOKE_CHARS;
        return s.substring(0, end);
    }

    /** @return the number of bytes of {@code s} in UTF-8 (without encoding it) */
    public static long utf8Length(CharSequence s) {
        long n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    // ---- synthetic corpus --------------------------------------------------------------------------

    /**
     * Frequent modern Chinese characters (Simplified), the single-character part of the synthetic text.
     * Repeats are harmless; they only weigh the draw.
     */
    private static final String CHARS =
            "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里"
            + "所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知"
            + "使点业本把性高长理现力已战等很实政身相明加动第新意全两最外问开文门女样回关名位果内手重向信几正变机但打"
            + "表给通元平民真提海间物路情听品体较界候难水白结且被利反教音气受光制式张认条活代何非度接先员常许入近领解"
            + "处边北山色区南西究转头由再院百安收办市社总直系克报运各走程据感布术少强议清世及电包广确求万声争红论放指"
            + "持决完热务拿传达命至复义级影备即组任参算权思讲保交展单斗改亲风历管量干空须并觉治马火服题步整流土共资眼"
            + "落更设消存该切花团件形段况增华观易拉周武费深神写节装低研青育则断千德象响史调科座类容石施价示局际钱古师"
            + "号农兵李京精技群铁兴送采越语照致王林河格养记卫众试帮营联围诉查验器失远讨谈质车状队陈亚坐依支规统标委造"
            + "轻视毛习宣压职却兰吗读书乐买卖钟表丰云谷范松虫胡须面条";

    /** Common modern words (Simplified), many of them keys of the phrase dictionaries. */
    private static final String[] WORDS = {
        "头发", "计算机", "软件", "鼠标", "网络", "信息", "发展", "历史", "里面", "干净", "面条", "后来", "系统",
        "出租车", "自行车", "程序", "数据", "内存", "打印机", "视频", "质量", "服务器", "台湾", "香港", "经济",
        "开发区", "领导", "访谈", "新闻", "报道", "记者", "发现", "政府", "学校", "学生", "老师", "医院", "环境",
        "资源", "问题", "方面", "关系", "国际", "市场", "企业", "产品", "技术", "科学", "研究", "文化", "艺术",
        "电影", "音乐", "体育", "比赛", "游戏", "手机", "电脑", "互联网", "人工智能", "数据库", "硬盘", "光盘",
        "复杂", "联系", "干部", "制造", "严肃", "皇后", "钟表", "于是", "尽管", "只有", "一只", "准备", "范围",
        "着急", "随着", "穿着", "睡着", "著名", "显著", "什么", "怎么", "为什么", "这样", "那里", "一起", "已经",
        "因为", "所以", "但是", "如果", "可以", "应该", "知道", "觉得", "时候", "现在", "今天", "明天", "昨天",
        "中国", "北京", "上海", "广州", "深圳", "长春", "吉林", "东北", "振兴", "总书记", "会议", "考察", "调研",
        "贯彻", "落实", "高质量", "发展观", "营商环境", "项目", "投资", "产业", "汽车", "制造业", "新能源", "数字化",
        "头条", "里程碑", "后台", "前台", "出发", "发布", "发表", "理发", "一干二净", "干涉", "树干", "白发苍苍",
        "周末", "复习", "复制", "重复", "台风", "冲突", "丑陋", "乾隆", "万一", "千万", "亿万", "面对", "表面",
    };

    /** Punctuation of Chinese text, full width. */
    private static final String[] PUNCT = {"，", "，", "，", "。", "。", "、", "；", "：", "？", "！", "“", "”",
        "「", "」", "《", "》", "（", "）", "——", "……", "·"};

    /** ASCII runs found in real Chinese text: names, versions, numbers, URLs. */
    private static final String[] ASCII = {"API", "Java 17", "HTTP/2", "UTF-8", "2024", "2022年10月12日", "3.14",
        "100%", "https://example.com/a?b=1", "OpenCC", "CPU", "GDP", "5G", "iPhone", "Wi-Fi", "No. 7", "10:00",
        "A4", "USB-C", "e", "(1)", "ISBN 978-7-100"};

    /**
     * A deterministic synthetic text of exactly {@code bytes} bytes of UTF-8 (fixed seed {@link #SEED}):
     * lines of 20 to 200 chars mixing common words (about half of the tokens), single common
     * characters, full-width punctuation, and ASCII runs (names, numbers, URLs) between spaces, with
     * a blank line between paragraphs. The Traditional version draws the same tokens, each converted
     * character by character with ICU4J's {@code Simplified-Traditional} transliterator (no phrase
     * semantics, which is fine for a benchmark input).
     *
     * @param bytes the exact UTF-8 size
     * @param script the script
     * @return the text
     */
    public static String synthetic(int bytes, Script script) {
        Pools pools = script == Script.SIMPLIFIED ? Pools.SIMPLIFIED : Pools.traditional();
        SplittableRandom rnd = new SplittableRandom(SEED);
        StringBuilder sb = new StringBuilder(bytes / 2);
        long size = 0;
        int line = 0;
        int lineTarget = 20 + rnd.nextInt(181);
        boolean afterHan = false;
        while (true) {
            String token;
            double r = rnd.nextDouble();
            if (line >= lineTarget) {
                token = rnd.nextInt(4) == 0 ? "\n\n" : "\n";
                line = 0;
                lineTarget = 20 + rnd.nextInt(181);
                afterHan = false;
            } else if (r < 0.50) {
                token = pools.words[rnd.nextInt(pools.words.length)];
                afterHan = true;
            } else if (r < 0.78) {
                token = pools.chars[rnd.nextInt(pools.chars.length)];
                afterHan = true;
            } else if (r < 0.94) {
                token = afterHan ? PUNCT[rnd.nextInt(PUNCT.length)] : pools.chars[rnd.nextInt(pools.chars.length)];
                afterHan = token.length() == 1 && token.charAt(0) >= 0x4E00;
            } else {
                token = " " + ASCII[rnd.nextInt(ASCII.length)] + " ";
                afterHan = false;
            }
            long t = utf8Length(token);
            if (size + t > bytes) {
                break;
            }
            sb.append(token);
            size += t;
            line += token.length();
        }
        while (size < bytes) { // pad with ASCII to the exact size
            sb.append(size == bytes - 1 ? '\n' : '.');
            size++;
        }
        return sb.toString();
    }

    /** Token pools of one script. */
    private static final class Pools {
        static final Pools SIMPLIFIED = new Pools(splitChars(CHARS), WORDS);

        final String[] chars;
        final String[] words;

        Pools(String[] chars, String[] words) {
            this.chars = chars;
            this.words = words;
        }

        /** The Traditional pools, built on first use (ICU4J's transliterator is slow to load). */
        static Pools traditional() {
            return TraditionalHolder.POOLS;
        }

        private static final class TraditionalHolder {
            static final Pools POOLS = convert(SIMPLIFIED, Transliterator.getInstance("Simplified-Traditional"));

            private static Pools convert(Pools p, Transliterator t) {
                List<String> c = new ArrayList<>();
                for (String s : p.chars) {
                    c.add(t.transliterate(s));
                }
                List<String> w = new ArrayList<>();
                for (String s : p.words) {
                    w.add(t.transliterate(s));
                }
                return new Pools(c.toArray(String[]::new), w.toArray(String[]::new));
            }
        }

        private static String[] splitChars(String s) {
            return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
        }
    }
}
