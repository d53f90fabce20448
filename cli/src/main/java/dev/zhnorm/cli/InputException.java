package dev.zhnorm.cli;

import java.io.IOException;

/**
 * An input could not be read to the end: bytes that are not valid in its encoding, or a read error.
 * The message names the file and the byte offset, e.g.
 * {@code notes.txt: invalid UTF-8 at byte 1027 (0xC3 0x28); use --encoding or --replace-invalid}.
 */
final class InputException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file and the byte offset */
    InputException(String message) {
        super(message);
    }
}
