package dev.zhnorm;

import dev.zhnorm.internal.Driver;
import dev.zhnorm.internal.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** A {@link TextRun} straight over an engine: {@link Driver.Incremental} and the writing of its output. */
final class EngineTextRun implements TextRun {
    private final Driver.Incremental incremental;
    private boolean ended;

    EngineTextRun(Engine engine, LengthChangeListener lengthChanges) {
        this.incremental = new Driver.Incremental(engine, lengthChanges);
    }

    @Override
    public void push(char[] chars, int from, int to, boolean end, Appendable out) {
        Objects.checkFromToIndex(from, to, chars.length);
        if (ended) {
            throw new IllegalStateException("the text has ended: start a new run");
        }
        ended = end;
        try {
            Driver.write(incremental.push(chars, from, to, end), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
