package dev.zhnorm.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds one input's output under {@code --threads} until it is its turn to be written: in memory up
 * to {@value #MEMORY_LIMIT} bytes (most files; no file system work per file), then in a
 * {@code zhnorm-*.part} file in the temporary folder, registered with the run's {@link TempFiles}.
 * Not thread-safe: one worker writes it, then the run copies it.
 *
 * <pre>{@code
 * Spool s = new Spool(temps);
 * write(s);            // the worker
 * s.copyTo(stdout);    // in input order; deletes the file, if any
 * }</pre>
 */
final class Spool extends OutputStream {
    static final int MEMORY_LIMIT = 1 << 20;

    private final TempFiles temps;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(256);
    private Path file;
    private OutputStream fileStream;

    Spool(TempFiles temps) {
        this.temps = temps;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileStream == null && memory.size() + (long) len > MEMORY_LIMIT) {
            file = temps.create(() -> Files.createTempFile("zhnorm-", ".part"));
            fileStream = new BufferedOutputStream(TempFiles.openCreated(file), 1 << 16);
            memory.writeTo(fileStream);
            memory = null;
        }
        if (fileStream != null) {
            fileStream.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (fileStream != null) {
            fileStream.flush();
        }
    }

    /** @return whether the output went to a file (tests) */
    boolean spilled() {
        return file != null;
    }

    /**
     * Writes what was spooled to {@code sink} and frees it.
     *
     * @throws IOException when writing the sink or reading the spool file fails
     */
    void copyTo(OutputStream sink) throws IOException {
        if (fileStream == null) {
            memory.writeTo(sink);
            memory = null;
            return;
        }
        fileStream.close();
        try {
            Files.copy(file, sink);
        } finally {
            discard();
        }
    }

    /** Frees the spool without writing it. */
    void discard() throws IOException {
        memory = null;
        if (fileStream != null) {
            try {
                fileStream.close();
            } finally {
                temps.delete(file);
            }
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
