package dev.zhnorm;

import dev.zhnorm.internal.normalize.NormalizationPipeline;
import dev.zhnorm.normalize.Format;
import dev.zhnorm.normalize.Spacing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

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
    private char[] held = new char[1024];
    private int heldLength;
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
        if (decided != null) {
            decided.push(chars, from, to, end, out);
            return;
        }
        if (ended) {
            throw new IllegalStateException("the text has ended: start a new run");
        }
        ended = end;
        hold(chars, from, to);
        if (document != null) {
            if (end) {
                try {
                    out.append(normalizer.apply(new String(held, 0, heldLength), lengthChanges));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return;
        }
        if (end || heldLength >= NormalizationPipeline.AUTO_PREFIX) {
            String prefix = new String(held, 0, Math.min(heldLength, NormalizationPipeline.AUTO_PREFIX));
            decided = new EngineTextRun(pipeline.decided(pipeline.decideSpacing(prefix)), lengthChanges);
            decided.push(held, 0, heldLength, end, out);
            held = null;
        }
    }

    private void hold(char[] chars, int from, int to) {
        int need = heldLength + (to - from);
        if (document != null && need > Normalizer.MAX_DOCUMENT_CHARS) {
            throw new DocumentTooLargeException(document.id(), need, Normalizer.MAX_DOCUMENT_CHARS);
        }
        if (need > held.length) {
            held = Arrays.copyOf(held, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, 2L * held.length)));
        }
        System.arraycopy(chars, from, held, heldLength, to - from);
        heldLength = need;
    }
}
