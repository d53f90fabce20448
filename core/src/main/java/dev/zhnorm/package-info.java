/**
 * zhnorm's facade: {@link dev.zhnorm.Converter} (OpenCC conversion: bundled {@link dev.zhnorm.Preset}s
 * or OpenCC configs) and {@link dev.zhnorm.Normalizer} (conversion composed with normalization of
 * punctuation, numerals, width, whitespace and Unicode artifacts), both a {@link dev.zhnorm.TextTransform};
 * {@link dev.zhnorm.ScriptDetector}; explanations ({@link dev.zhnorm.Explanation},
 * {@link dev.zhnorm.Change}, {@link dev.zhnorm.OffsetMap}); and the exceptions, all unchecked and
 * naming the file, line or JSON path at fault.
 *
 * <pre>{@code
 * Converter.of("t2s").convert("漢字");            // "汉字"
 * Converter.toSimplified().convert("隨著時代");     // "随着时代"
 * Normalizer.defaults().normalize("臺灣,你好.");   // "台湾，你好。"
 * }</pre>
 *
 * <p>Converters, normalizers, detectors, presets and explanations are immutable and safe to share
 * between threads. Builders ({@link dev.zhnorm.Converter.Builder}, {@link dev.zhnorm.Normalizer.Builder})
 * and {@link dev.zhnorm.ScriptDetector.Tally} are not: use one per thread.
 */
package dev.zhnorm;
