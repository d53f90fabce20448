/**
 * The OpenSearch analysis plugin: {@link dev.zhnorm.opensearch.ZhnormAnalysisPlugin} registers the
 * char filter and token filter types {@code zhnorm_convert} and {@code zhnorm_normalize} and the
 * analyzer type {@code zhnorm}, built on {@code dev.zhnorm.lucene}. Settings are snake_case
 * ({@code preset}, {@code style}, {@code numerals}, {@code spacing}, {@code indent},
 * {@code keep_both}); unknown keys and values fail index creation with a message naming them.
 */
package dev.zhnorm.opensearch;
