package dev.zhnorm.opensearch;

import org.opensearch.action.admin.indices.analyze.AnalyzeAction;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.plugins.Plugin;
import org.opensearch.search.SearchHit;
import org.opensearch.search.fetch.subphase.highlight.HighlightBuilder;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A real OpenSearch node in the test JVM, under OpenSearch's security manager, with the plugin
 * loaded: index settings using every component type, search and highlight across scripts,
 * {@code _analyze}, and index creation failing on bad parameters.
 */
public class ZhnormAnalysisPluginTests extends OpenSearchSingleNodeTestCase {

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(ZhnormAnalysisPlugin.class);
    }

    private static Settings.Builder indexSettings() {
        return Settings.builder()
                .put("index.number_of_shards", 1)
                .put("index.number_of_replicas", 0)
                .put("index.analysis.char_filter.tw_to_cn.type", "zhnorm_convert")
                .put("index.analysis.char_filter.tw_to_cn.preset", "tw2sp")
                .put("index.analysis.filter.both_scripts.type", "zhnorm_convert")
                .put("index.analysis.filter.both_scripts.preset", "t2s")
                .put("index.analysis.filter.both_scripts.keep_both", true)
                .put("index.analysis.analyzer.taiwan_vocabulary.type", "custom")
                .put("index.analysis.analyzer.taiwan_vocabulary.tokenizer", "standard")
                .putList("index.analysis.analyzer.taiwan_vocabulary.char_filter", "tw_to_cn")
                .put("index.analysis.analyzer.words_both.type", "custom")
                .put("index.analysis.analyzer.words_both.tokenizer", "standard")
                .putList("index.analysis.analyzer.words_both.filter", "both_scripts")
                .put("index.analysis.analyzer.zh_taiwan_style.type", "zhnorm")
                .put("index.analysis.analyzer.zh_taiwan_style.style", "taiwan")
                .put("index.analysis.analyzer.zh_taiwan_style.preset", "none");
    }

    public void testTraditionalDocumentsFoundInBothScriptsWithOriginalHighlights() {
        client().admin().indices().prepareCreate("books").setSettings(indexSettings())
                .setMapping("{\"properties\":{\"body\":{\"type\":\"text\",\"analyzer\":\"zhnorm\"}}}").get();
        client().prepareIndex("books").setId("1").setSource("body", "我們的頭髮很長，隨著時代變化。").get();
        client().prepareIndex("books").setId("2").setSource("body", "今天天氣很好，我們去公園。").get();
        client().prepareIndex("books").setId("3").setSource("body", "頭髮與時代無關。").get();
        client().admin().indices().prepareRefresh("books").get();

        List<String> simplified = search("头发");
        List<String> traditional = search("頭髮");
        // The standard tokenizer makes one token per Han character, and OpenSearch's unified
        // highlighter marks each matched token: the original Traditional characters.
        assertEquals(List.of("1: 我們的<em>頭</em><em>髮</em>很長，隨著時代變化。", "3: <em>頭</em><em>髮</em>與時代無關。"),
                simplified);
        assertEquals(simplified, traditional);
        assertEquals(List.of("1: 我們的頭髮很長，<em>隨</em><em>著</em>時代變化。"), search("随着"));
        assertEquals(search("天气"), search("天氣"));
        assertEquals(1, search("天气").size());
    }

    /** match_phrase with the unified highlighter, ids sorted, "id: first fragment". */
    private List<String> search(String phrase) {
        SearchResponse r = client().prepareSearch("books").setQuery(QueryBuilders.matchPhraseQuery("body", phrase))
                .highlighter(new HighlightBuilder().field("body").highlighterType("unified").numOfFragments(0))
                .addSort("_id", org.opensearch.search.sort.SortOrder.ASC).get();
        List<String> out = new ArrayList<>();
        for (SearchHit hit : r.getHits().getHits()) {
            out.add(hit.getId() + ": " + hit.getHighlightFields().get("body").fragments()[0].string());
        }
        return out;
    }

    public void testAnalyzeTheZhnormAnalyzer() {
        createIndex("books", indexSettings().build());
        // By name, without index settings: the default normalization.
        assertTokens(client().admin().indices().prepareAnalyze("頭髮很長，ＧＤＰ增長２０２２").setAnalyzer("zhnorm").get(),
                "头 0-1 @0", "发 1-2 @1", "很 2-3 @2", "长 3-4 @3", "gdp 5-8 @4", "增 8-9 @5", "长 9-10 @6", "2022 10-14 @7");
        // A phrase that changes length keeps exact offsets: 網際網路 (4 chars) becomes 互联网 (3).
        assertTokens(client().admin().indices().prepareAnalyze("books", "上網際網路").setAnalyzer("taiwan_vocabulary").get(),
                "上 0-1 @0", "互 1-2 @1", "联 2-3 @2", "网 3-5 @3");
        // keep_both: the original and the converted token at one position.
        assertTokens(client().admin().indices().prepareAnalyze("books", "頭髮 汉字").setAnalyzer("words_both").get(),
                "頭 0-1 @0", "头 0-1 @0", "髮 1-2 @1", "发 1-2 @1", "汉 3-4 @2", "字 4-5 @3");
        // Options as settings of the analyzer type: no conversion, Taiwan punctuation (the token is the text between).
        assertTokens(client().admin().indices().prepareAnalyze("books", "他說\"好\"").setAnalyzer("zh_taiwan_style").get(),
                "他 0-1 @0", "說 1-2 @1", "好 3-4 @2");
    }

    public void testAnalyzeWithComponentsGivenInTheRequest() {
        createIndex("books", indexSettings().build());
        AnalyzeAction.Response r = client().admin().indices().prepareAnalyze("books", "互联网").setTokenizer("standard")
                .addCharFilter(Map.of("type", "zhnorm_convert", "preset", "s2twp")).get();
        assertTokens(r, "網 0-1 @0", "際 1-2 @1", "網 2-3 @2", "路 3-3 @3");
        r = client().admin().indices().prepareAnalyze("books", "隨著Ａ").setTokenizer("standard")
                .addCharFilter(Map.of("type", "zhnorm_normalize", "numerals", "keep"))
                .addTokenFilter(Map.of("type", "zhnorm_convert", "preset", "s2t", "keep_both", "true")).get();
        // keep_both adds a token only where s2t changes one: 随 → 隨; 着 stays (着 is also Traditional).
        assertTokens(r, "随 0-1 @0", "隨 0-1 @0", "着 1-2 @1", "A 2-3 @2");
    }

    /** An OpenCC config named by a path relative to the node's config directory, read under the security manager. */
    public void testOpenccConfigInTheConfigDirectory() throws IOException {
        Path dir = getInstanceFromNode(Environment.class).configFile().resolve("opencc");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mine.txt"), "甲\t乙\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("mine.json"),
                "{\"name\":\"mine\",\"conversion_chain\":[{\"dict\":{\"type\":\"text\",\"file\":\"mine.txt\"}}]}",
                StandardCharsets.UTF_8);
        createIndex("books", Settings.builder()
                .put("index.analysis.char_filter.mine.type", "zhnorm_convert")
                .put("index.analysis.char_filter.mine.preset", "opencc/mine.json")
                .put("index.analysis.analyzer.mine.tokenizer", "standard")
                .putList("index.analysis.analyzer.mine.char_filter", "mine").build());
        assertTokens(client().admin().indices().prepareAnalyze("books", "甲丙").setAnalyzer("mine").get(), "乙 0-1 @0", "丙 1-2 @1");
    }

    public void testBadParametersFailIndexCreation() {
        assertCreateFails(Settings.builder().put("index.analysis.char_filter.bad.type", "zhnorm_convert")
                        .put("index.analysis.char_filter.bad.preset", "x2y"),
                "[zhnorm_convert] char filter [bad]: parameter 'preset': unknown preset 'x2y' and no OpenCC config file "
                        + "at that path; valid presets: s2t, ");
        assertCreateFails(Settings.builder().put("index.analysis.char_filter.bad.type", "zhnorm_convert")
                        .put("index.analysis.char_filter.bad.convert_type", "t2s"),
                "[zhnorm_convert] char filter [bad]: unknown parameters [convert_type]; valid parameters: preset");
        assertCreateFails(Settings.builder().put("index.analysis.char_filter.bad.type", "zhnorm_normalize")
                        .put("index.analysis.char_filter.bad.numerals", "roman"),
                "[zhnorm_normalize] char filter [bad]: parameter 'numerals': unknown value 'roman'; expected one of: "
                        + "keep, width-only, quantities-to-arabic, arabic-to-chinese");
        assertCreateFails(Settings.builder().put("index.analysis.filter.bad.type", "zhnorm_convert")
                        .put("index.analysis.filter.bad.keep_both", "yes"),
                "[zhnorm_convert] token filter [bad]: parameter 'keep_both': expected true or false, found 'yes'");
        assertCreateFails(Settings.builder().put("index.analysis.filter.bad.type", "zhnorm_normalize")
                        .put("index.analysis.filter.bad.keepBoth", "true"),
                "[zhnorm_normalize] token filter [bad]: unknown parameters [keepBoth]; valid parameters: preset, style, "
                        + "numerals, spacing, indent, keep_both");
        assertCreateFails(Settings.builder().put("index.analysis.analyzer.bad.type", "zhnorm")
                        .put("index.analysis.analyzer.bad.style", "british"),
                "[zhnorm] analyzer [bad]: parameter 'style': unknown value 'british'; expected one of: mainland, taiwan, hongkong");
    }

    private void assertCreateFails(Settings.Builder settings, String expectedStart) {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
                () -> client().admin().indices().prepareCreate("bad").setSettings(settings).get());
        assertTrue("expected a message starting with: " + expectedStart + "\nbut was: " + e.getMessage(),
                e.getMessage().startsWith(expectedStart));
        assertFalse(client().admin().indices().prepareExists("bad").get().isExists());
    }

    /** Each expected token as "term start-end @position". */
    private static void assertTokens(AnalyzeAction.Response response, String... expected) {
        List<String> actual = new ArrayList<>();
        for (AnalyzeAction.AnalyzeToken t : response.getTokens()) {
            actual.add(t.getTerm() + " " + t.getStartOffset() + "-" + t.getEndOffset() + " @" + t.getPosition());
        }
        assertEquals(List.of(expected), actual);
    }
}
