package dev.zhnorm;

import dev.zhnorm.internal.CharBuf;
import dev.zhnorm.internal.normalize.NormalizationPipeline;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A {@link Normalizer}'s {@link TextRun}: straight over its engine once the spacing is known; with
 * {@code spacing=auto} the first {@link NormalizationPipeline#AUTO_PREFIX} chars are held until S8 has
 * decided from them (as every other entry point decides); a Markdown or HTML document is held whole.
 */
final class NormalizerTextRun implements TextRun {
    private final Normalizer normalizer;
    private final NormalizationPipeline pipeline;
    private final LengthChangeListener lengthChanges;
    /** The document format, or {@code null} for text. */
    private final Format document;
    /** The run once spacing is decided; before, the text is held. */
    private TextRun decided;
    /** The text held until the spacing is decided, or the whole document; {@code null} once decided. */
    private CharBuf held = new CharBuf(1024);
    private boolean ended;

    NormalizerTextRun(Normalizer normalizer, NormalizationPipeline pipeline, Format format,
                      LengthChangeListener lengthChanges) {
        this.normalizer = normalizer;
        this.pipeline = pipeline;
        this.lengthChanges = lengthChanges;
        this.document = format == Format.TEXT ? null : format;
        if (document == null && normalizer.spacing() != Spacing.AUTO) {
            decided = new EngineTextRun(pipeline, lengthChanges);
        }
    }

    @Override
    public void push(char[] chars, int from, int to, boolean end, Appendable out) {
        Objects.checkFromToIndex(from, to, chars.length);
        if (decided != null) {
            decided.push(chars, from, to, end, out);
            return;
        }
        if (ended) {
            throw new IllegalStateException("the text has ended: start a new run");
        }
        ended = end;
        int need = held.length() + (to - from);
        if (document != null && need > Normalizer.MAX_DOCUMENT_CHARS) {
            throw new DocumentTooLargeException(document.id(), need, Normalizer.MAX_DOCUMENT_CHARS);
        }
        held.append(chars, from, to);
        if (document != null) {
            if (end) {
                try {
                    out.append(normalizer.apply(held.toString(), lengthChanges));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return;
        }
        if (end || held.length() >= NormalizationPipeline.AUTO_PREFIX) {
            // decideSpacing reads only the first AUTO_PREFIX chars.
            decided = new EngineTextRun(pipeline.decided(pipeline.decideSpacing(held)), lengthChanges);
            decided.push(held.array(), 0, held.length(), end, out);
            held = null;
        }
    }
}
