/**
 * Documents (spec §9): Markdown (commonmark-java) and HTML (jsoup) are parsed with source positions,
 * the prose of each block is gathered into one text ({@link dev.zhnorm.internal.document.ProseBlock})
 * whose every char knows its source offset, that text is normalized with its inline code, tags and
 * math fixed, and the changes are spliced back into the source by position. The document is never
 * re-serialized, so every byte outside prose comes through identical. Not exported.
 */
package dev.zhnorm.internal.document;
