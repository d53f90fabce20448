package dev.zhnorm.dict;

/**
 * A dictionary file cannot be used: it is missing, not UTF-8, unreadable, or (as the subclass
 * {@link DictionaryFormatException}) malformed. The message names the file. Unchecked: a bad
 * dictionary is a deployment error, not a condition callers recover from line by line.
 *
 * <pre>{@code
 * try {
 *     TextDictionary.load(Path.of("names.txt"));
 * } catch (DictionaryException e) {
 *     e.getMessage();   // "names.txt: dictionary file not found"
 * }
 * }</pre>
 */
public class DictionaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the file and position where one is known */
    public DictionaryException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the file and position where one is known
     * @param cause the underlying failure
     */
    public DictionaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
