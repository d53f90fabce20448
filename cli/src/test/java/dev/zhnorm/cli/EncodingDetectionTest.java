package dev.zhnorm.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The encoding test set of issue 9: real text in the encodings Chinese comes in, from 20 bytes to
 * 1 MB, short inputs, inputs with a few invalid bytes, binary files; each with the decision
 * {@link EncodingChoice} must make. Decisions are checked on the bytes alone; the CLI tests check
 * what a user sees.
 */
class EncodingDetectionTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** Taiwan news-style Traditional text (Big5-encodable). */
    static final String TRADITIONAL = "臺灣的軟體產業在過去十年發展迅速，許多年輕工程師選擇留在國內創業。"
            + "記者走訪了臺北、臺中和高雄的幾家公司，發現他們最關心的問題是人才與資金。"
            + "一位負責人說：「我們希望政府能提供更多支持，讓更多人願意投入這個行業。」\n";
    /** The same in mainland Simplified. */
    static final String SIMPLIFIED = "台湾的软件产业在过去十年发展迅速，许多年轻工程师选择留在国内创业。"
            + "记者走访了台北、台中和高雄的几家公司，发现他们最关心的问题是人才与资金。"
            + "一位负责人说：“我们希望政府能提供更多支持，让更多人愿意投入这个行业。”\n";
    /** Cantonese with characters only Big5-HKSCS has (哋 咗 啲 嚟). */
    static final String CANTONESE = "我哋今日去咗飲茶，啲點心好好食，你都嚟啦。佢話聽日再去。\n";

    private record Case(String name, byte[] bytes, boolean complete, String expected) {
    }

    private static Case whole(String name, byte[] bytes, String expected) {
        return new Case(name, bytes, true, expected);
    }

    /** The first 64 KiB of a long input, as the CLI samples it. */
    private static Case start(String name, byte[] bytes, String expected) {
        byte[] sample = Arrays.copyOf(bytes, Math.min(bytes.length, EncodingChoice.SAMPLE_SIZE));
        return new Case(name, sample, bytes.length <= EncodingChoice.SAMPLE_SIZE, expected);
    }

    private static byte[] repeatTo(String text, Charset c, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        byte[] one = text.getBytes(c);
        while (out.size() < size) {
            out.writeBytes(one);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] withBom(byte[] bom, byte[] rest) {
        return concat(bom, rest);
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // UTF-8
        c.add(whole("utf8 21 bytes", "臺灣的軟體很好".getBytes(StandardCharsets.UTF_8), "UTF-8"));
        c.add(whole("utf8 ascii", "hello, world\n".getBytes(StandardCharsets.UTF_8), "UTF-8"));
        c.add(whole("empty", new byte[0], "UTF-8"));
        c.add(start("utf8 1 MB", repeatTo(TRADITIONAL, StandardCharsets.UTF_8, 1 << 20), "UTF-8"));
        c.add(whole("utf8 with a Latin-1 byte (issue: cafe)", concat("Meeting at the caf".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xE9}, " (咖啡館) in 臺北.\n".getBytes(StandardCharsets.UTF_8)), "UTF-8"));
        c.add(whole("utf8 1 KB with three stray bytes", concat(repeatTo(SIMPLIFIED, StandardCharsets.UTF_8, 400),
                new byte[] {(byte) 0xFF}, repeatTo(SIMPLIFIED, StandardCharsets.UTF_8, 300), new byte[] {(byte) 0xC0,
                (byte) 0x80}, repeatTo(SIMPLIFIED, StandardCharsets.UTF_8, 300)), "UTF-8"));
        c.add(whole("utf8 BOM", withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "漢字".getBytes(StandardCharsets.UTF_8)), "UTF-8"));
        // Big5
        c.add(whole("big5 16 bytes (issue)", "臺灣的軟體很好用".getBytes(BIG5), "Big5"));
        c.add(whole("big5 sentence", TRADITIONAL.getBytes(BIG5), "Big5"));
        c.add(whole("big5 4 KB", repeatTo(TRADITIONAL, BIG5, 4096), "Big5"));
        c.add(start("big5 1 MB", repeatTo(TRADITIONAL, BIG5, 1 << 20), "Big5"));
        c.add(whole("big5 mixed with ASCII", ("Version 2.0 發佈說明：本次更新修正了三個問題，並加入新的設定選項。\n")
                .getBytes(BIG5), "Big5"));
        c.add(whole("big5-hkscs Cantonese", CANTONESE.getBytes(BIG5_HKSCS), "Big5-HKSCS"));
        c.add(whole("big5-hkscs Cantonese 8 KB", repeatTo(CANTONESE + TRADITIONAL, BIG5_HKSCS, 8192), "Big5-HKSCS"));
        // GB
        c.add(whole("gb18030 8 bytes (issue)", "他說,好.".getBytes(GB18030), "GB18030"));
        c.add(whole("gbk sentence", SIMPLIFIED.getBytes(GBK), "GB18030"));
        c.add(whole("gbk traditional characters", TRADITIONAL.getBytes(GBK), "GB18030"));
        c.add(whole("gb18030 4-byte characters", ("一个生僻字㐀和表情😀也在这里，我们都能读出来。" + SIMPLIFIED).getBytes(GB18030),
                "GB18030"));
        c.add(start("gbk 1 MB", repeatTo(SIMPLIFIED, GBK, 1 << 20), "GB18030"));
        c.add(whole("gb2312 20 bytes", "中华人民共和国成立了".getBytes(Charset.forName("GB2312")), "GB18030"));
        // UTF-16 and UTF-32
        c.add(whole("utf16le BOM", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                TRADITIONAL.getBytes(StandardCharsets.UTF_16LE)), "UTF-16LE"));
        c.add(whole("utf16be BOM", "漢字\n".getBytes(StandardCharsets.UTF_16), "UTF-16BE"));
        c.add(whole("utf16le no BOM, with ASCII", ("README: " + TRADITIONAL).getBytes(StandardCharsets.UTF_16LE),
                "UTF-16LE"));
        c.add(whole("utf16be no BOM, with ASCII", ("Chapter 1\n" + SIMPLIFIED).getBytes(StandardCharsets.UTF_16BE),
                "UTF-16BE"));
        c.add(whole("utf16le no BOM, Han only (no NUL byte)", "臺灣的軟體很好用，我們都喜歡。".getBytes(StandardCharsets.UTF_16LE),
                "UTF-16LE"));
        c.add(start("utf16le BOM 1 MB", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                repeatTo(TRADITIONAL, StandardCharsets.UTF_16LE, 1 << 20)), "UTF-16LE"));
        c.add(whole("utf32le BOM", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "漢字".getBytes(UTF_32LE)),
                "UTF-32LE"));
        c.add(whole("utf32le no BOM", "Hello 漢字\n".getBytes(UTF_32LE), "UTF-32LE"));
        // Binary
        c.add(whole("NUL-separated list (issue)", "a.txt\0b.txt\0".getBytes(StandardCharsets.US_ASCII), "binary"));
        c.add(whole("ELF", concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0},
                new byte[64]), "binary"));
        c.add(whole("gzip", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xCB, 0x48, (byte) 0xCD,
                (byte) 0xC9, (byte) 0xC9, 0x07, 0, (byte) 0x86, (byte) 0xA6, 0x10, 0x36, 5, 0, 0, 0}, "binary"));
        c.add(whole("JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I',
                'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xDB, 0, 0x43, 0}, "binary"));
        c.add(whole("PDF with a compressed stream", concat(("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n"
                + "<</Length 2048/Filter/FlateDecode>>stream\n").getBytes(StandardCharsets.ISO_8859_1),
                randomBytes(2048, 7)), "binary"));
        c.add(whole("random bytes", randomBytes(8192, 11), "binary"));
        // A shell script with an archive appended: text for the first block, binary past it
        c.add(start("installer: script, then a gzip payload", concat(repeatTo("#!/bin/sh\n# 安裝程式,請勿編輯\n",
                StandardCharsets.UTF_8, 12_000), new byte[] {0x1F, (byte) 0x8B, 8, 0}, randomBytes(40_000, 13)),
                "binary"));
        c.add(start("GBK text with a NUL past the first block", concat(repeatTo(SIMPLIFIED, GBK, 12_000),
                new byte[] {0}, repeatTo(SIMPLIFIED, GBK, 1000)), "binary"));
        // Undecided: nothing is clearly right, so the CLI stops and names what it tried
        c.add(whole("Latin-1 text", "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1),
                "undecided"));
        c.add(whole("big5 with two invalid bytes", concat(repeatTo(TRADITIONAL, BIG5, 500), new byte[] {(byte) 0xFF},
                repeatTo(TRADITIONAL, BIG5, 500), new byte[] {(byte) 0x80}), "undecided"));
        c.add(whole("one Big5 character", "說".getBytes(BIG5), "undecided"));
        return c;
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    private static String decision(EncodingChoice.Encoding e) {
        return switch (e.kind()) {
            case BINARY -> "binary";
            case UNDECIDED -> "undecided";
            case TEXT -> e.charset().name();
        };
    }

    @Test
    void everyCaseOfTheSetGetsItsExpectedDecision() {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Case c : cases()) {
            EncodingChoice.Encoding e = EncodingChoice.chooseFor(c.bytes(), c.complete());
            n++;
            if (!decision(e).equals(c.expected())) {
                wrong.add(c.name() + ": expected " + c.expected() + ", got " + decision(e) + " (" + e.reason() + ")");
            }
        }
        assertEquals(List.of(), wrong, "of " + n + " cases");
    }

    @Test
    void undecidedInputsNameEveryEncodingTried() {
        EncodingChoice.Encoding e = EncodingChoice.chooseFor("說".getBytes(BIG5), true);
        assertEquals(EncodingChoice.Kind.UNDECIDED, e.kind());
        for (String name : List.of("UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE")) {
            assertTrue(e.reason().contains(name), e.reason());
        }
    }

    @Test
    void aNamedSevenBitEncodingIsStrict() {
        assertTrue(EncodingChoice.isSevenBit(Charset.forName("ISO-2022-CN")));
        assertTrue(EncodingChoice.isSevenBit(Charset.forName("ISO-2022-JP")));
        assertEquals(false, EncodingChoice.isSevenBit(GB18030));
    }

    @Test
    void plausibilityTellsChineseFromMojibake() {
        HanPlausibility h = HanPlausibility.standard();
        assertTrue(h.score("臺灣的軟體很好用").value() > 0.9);
        assertTrue(h.score(SIMPLIFIED).value() > 0.9);
        String big5AsGb = new String(TRADITIONAL.getBytes(BIG5), GB18030);
        String gbAsBig5 = new String(SIMPLIFIED.getBytes(GB18030), BIG5);
        assertTrue(h.score(big5AsGb).value() < 0.5, big5AsGb);
        assertTrue(h.score(gbAsBig5).value() < 0.5, gbAsBig5);
    }
}
