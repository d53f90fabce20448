/**
 * Implementation, not exported: dictionaries flattened and compiled into array tries
 * ({@link dev.zhnorm.internal.CompiledDictionary}), the conversion cascade
 * ({@link dev.zhnorm.internal.Pipeline}, {@link dev.zhnorm.internal.PipelineRun}), edit logs for
 * explanations, and the bundled data: its structure ({@link dev.zhnorm.internal.BundledStages}), its
 * build-time compilation ({@link dev.zhnorm.internal.BundledDataCompiler}) and its loading
 * ({@link dev.zhnorm.internal.BundledData}).
 */
package dev.zhnorm.internal;
