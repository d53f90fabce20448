/**
 * The options of normalization: {@link dev.zhnorm.normalize.Style}, {@link dev.zhnorm.normalize.Numerals},
 * {@link dev.zhnorm.normalize.Spacing} and {@link dev.zhnorm.normalize.Indent}, each with the name the
 * spec and the command line use ({@code width-only}, {@code quantities-to-arabic} …). The entry point
 * is {@link dev.zhnorm.Normalizer}; the rules themselves are an implementation detail.
 *
 * <pre>{@code
 * Normalizer.builder().style(Style.TAIWAN).numerals(Numerals.fromId("keep").orElseThrow()).build();
 * }</pre>
 */
package dev.zhnorm.normalize;
