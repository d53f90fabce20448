package dev.zhnorm.cli;

import java.io.IOException;

/**
 * Input bytes that are not valid in the input's encoding, with the file and byte offset, e.g.
 * {@code notes.txt: invalid UTF-8 at byte 1027 (0xC3 0x28); use --encoding or --replace-invalid}.
 */
final class InvalidInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long byteOffset;

    InvalidInputException(String message, long byteOffset) {
        super(message);
        this.byteOffset = byteOffset;
    }

    /** @return offset of the first invalid byte from the start of the input (0-based) */
    long byteOffset() {
        return byteOffset;
    }
}
