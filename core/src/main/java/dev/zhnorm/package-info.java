/**
 * zhnorm's facade: {@link dev.zhnorm.Converter} (OpenCC conversion: bundled {@link dev.zhnorm.Preset}s
 * or OpenCC configs), explanations ({@link dev.zhnorm.Explanation}, {@link dev.zhnorm.Change},
 * {@link dev.zhnorm.OffsetMap}) and the exceptions, all unchecked and naming the file, line or JSON
 * path at fault.
 *
 * <pre>{@code
 * Converter.of("t2s").convert("漢字");           // "汉字"
 * Converter.toSimplified().convert("隨著時代");    // "随着时代"
 * }</pre>
 *
 * <p>Every type here is immutable and safe to share between threads.
 */
package dev.zhnorm;
