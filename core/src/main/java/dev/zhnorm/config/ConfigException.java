package dev.zhnorm.config;

import java.util.Optional;

/**
 * An OpenCC configuration could not be used: malformed JSON, an unknown key, type or match policy
 * (the message names the JSON path, such as {@code $.conversion_chain[1].dict.match_policy}), or a
 * dictionary file that could not be found (the message names every path that was tried).
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The config file, or another description of where the config came from. */
    private final String source;
    /** The JSON path of the offending element, or {@code null} when the error is not about one element. */
    private final String jsonPath;

    /**
     * @param source the config file (or another description of where the config came from)
     * @param jsonPath the JSON path of the offending element, or {@code null} when not about one element
     * @param message what is wrong and what was expected
     */
    public ConfigException(String source, String jsonPath, String message) {
        super(source + (jsonPath == null ? "" : ": " + jsonPath) + ": " + message);
        this.source = source;
        this.jsonPath = jsonPath;
    }

    /**
     * @param source the config file
     * @param jsonPath the JSON path of the offending element, or {@code null}
     * @param message what is wrong
     * @param cause the underlying failure
     */
    public ConfigException(String source, String jsonPath, String message, Throwable cause) {
        super(source + (jsonPath == null ? "" : ": " + jsonPath) + ": " + message, cause);
        this.source = source;
        this.jsonPath = jsonPath;
    }

    /** @return the config file or source description */
    public String source() {
        return source;
    }

    /** @return the JSON path of the offending element, when the problem is about one element */
    public Optional<String> jsonPath() {
        return Optional.ofNullable(jsonPath);
    }
}
