package dev.zhnorm.cli;

import java.io.IOException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says what an {@link IOException} means in one line that starts with the file it is about, instead of
 * Java's bare path ({@code NoSuchFileException: out/x.txt}).
 *
 * <pre>{@code
 * IoMessages.describe(new NoSuchFileException("a.txt"));   // "a.txt: no such file or directory"
 * }</pre>
 */
final class IoMessages {
    private IoMessages() {
    }

    /**
     * @param e a failure
     * @return what went wrong, after the file it is about when the exception names one
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            return (f.getFile() == null ? "" : FileNames.quoted(f.getFile()) + ": ") + reason(e);
        }
        return reason(e);
    }

    /**
     * @param e a failure
     * @return what went wrong without the file it is about, e.g. {@code permission denied}
     */
    static String reason(IOException e) {
        if (e instanceof InputException) {
            return e.getMessage();
        }
        if (e instanceof FileSystemException f) {
            String what;
            if (e instanceof NoSuchFileException) {
                what = "no such file or directory";
            } else if (e instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (e instanceof NotDirectoryException) {
                what = "not a directory";
            } else if (e instanceof FileAlreadyExistsException) {
                what = "already exists";
            } else if (e instanceof DirectoryNotEmptyException) {
                what = "directory not empty";
            } else {
                what = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
            }
            // Only the first letter ("Read-only file system"): a reason may name a path, kept as it is.
            return what.isEmpty() ? what : what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** @return whether writing failed because the reading end of a pipe was closed */
    static boolean isBrokenPipe(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("The pipe is being closed"));
    }

    /**
     * @param e an exception while writing {@code target}
     * @param target what was being written
     * @param charset the output encoding's name
     * @return a line naming the output
     */
    static String describeWrite(IOException e, String target, String charset) {
        if (e instanceof UnmappableCharacterException) {
            return target + ": the output has a character that " + charset
                    + " cannot encode; use --output-encoding UTF-8 (the default)";
        }
        String d = describe(e);
        return d.startsWith(target) ? d : target + ": cannot write: " + d;
    }
}
