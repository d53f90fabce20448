package dev.zhnorm;

/**
 * Base class of every exception zhnorm throws on bad input data or configuration. Unchecked: a bad
 * dictionary or config is a programming or deployment error, not a condition callers recover from
 * line by line.
 */
public class ZhnormException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the file and position where one is known */
    public ZhnormException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the file and position where one is known
     * @param cause the underlying failure
     */
    public ZhnormException(String message, Throwable cause) {
        super(message, cause);
    }
}
