package dev.zhnorm.dict;

/**
 * A dictionary in OpenCC's text format has a malformed line. The message names the source (usually
 * a file), the 1-based line number and what was expected, e.g.
 * {@code my.txt:12: expected KEY<TAB>VALUE[ VALUE...], found no tab}.
 */
public class DictionaryFormatException extends DictionaryException {
    private static final long serialVersionUID = 1L;

    /** The file name or other description of the dictionary. */
    private final String source;
    /** The 1-based number of the malformed line. */
    private final int line;

    /**
     * @param source file name or other description of the dictionary
     * @param line 1-based line number
     * @param message what was expected and what was found
     */
    public DictionaryFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** @return file name or other description of the dictionary */
    public String source() {
        return source;
    }

    /** @return 1-based line number of the malformed line */
    public int line() {
        return line;
    }
}
