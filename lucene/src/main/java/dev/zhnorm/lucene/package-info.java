/**
 * Lucene analysis with zhnorm: {@link dev.zhnorm.lucene.ZhnormCharFilter} (conversion or normalization
 * with exact offset correction), {@link dev.zhnorm.lucene.ZhnormTokenFilter} (per-token conversion,
 * optionally keeping both forms), {@link dev.zhnorm.lucene.ZhnormAnalyzer} (the common case), and
 * factories registered with Lucene's SPI under {@code zhnormConvert} and {@code zhnormNormalize}
 * (char filter and token filter each), for {@code CustomAnalyzer} and Solr schemas.
 *
 * <pre>{@code
 * Analyzer a = CustomAnalyzer.builder()
 *         .addCharFilter("zhnormConvert", "preset", "t2s")
 *         .withTokenizer("standard")
 *         .build();
 * }</pre>
 */
package dev.zhnorm.lucene;
