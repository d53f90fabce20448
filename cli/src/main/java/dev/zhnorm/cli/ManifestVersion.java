package dev.zhnorm.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the {@code Implementation-Version} of the jar's manifest, and the Java runtime.
 *
 * <pre>{@code
 * $ zhnorm --version
 * zhnorm 0.1.0
 * Java 17.0.15 (Debian)
 * }</pre>
 */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "zhnorm " + (version == null ? "(development build, not from the jar)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
