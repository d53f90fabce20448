/**
 * Implementation, not exported: dictionaries flattened and compiled into array tries
 * ({@link dev.zhnorm.internal.CompiledDictionary}), the conversion cascade
 * ({@link dev.zhnorm.internal.Pipeline}, {@link dev.zhnorm.internal.PipelineRun}), edit logs for
 * explanations, and the loading of the bundled data ({@link dev.zhnorm.internal.BundledData},
 * {@link dev.zhnorm.internal.BundledPlans}). The bundled data's structure and its compilation
 * ({@code BundledStages}, {@code BundledSources}, {@code BundledDataCompiler}) are build-time code in
 * {@code core/src/build/java}, run by Maven in {@code process-classes}, and are not part of the jar.
 */
package dev.zhnorm.internal;
