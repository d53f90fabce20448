/**
 * OpenCC JSON configurations: {@link dev.zhnorm.config.OpenccConfigReader} reads them strictly
 * (unknown keys, types and policies are errors naming their JSON path) and resolves the dictionaries
 * they name; {@link dev.zhnorm.config.OpenccConfig} is the loaded result.
 *
 * <pre>{@code
 * OpenccConfig c = OpenccConfigReader.builder().dataFolder(Path.of("opencc")).build()
 *         .read(Path.of("opencc/config/s2twp.json"));
 * }</pre>
 */
package dev.zhnorm.config;
