package dev.zhnorm.lucene;

import dev.zhnorm.TextTransform;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.Objects;

/**
 * Converts (or normalizes) each token with a zhnorm {@link TextTransform}. The whole token goes
 * through the transform at once, so phrases inside it convert as phrases (手機 stays one token and
 * becomes 手机). With {@code keepBoth}, a token that changes is emitted twice at the same position
 * with the same offsets: first the original, then the converted form with position increment 0,
 * which lets a query in either script match text indexed in the other. Tokens marked as keywords
 * ({@link KeywordAttribute}) are left alone, and a token the transform would empty is kept as it is.
 *
 * <pre>{@code
 * TokenStream ts = new ZhnormTokenFilter(tokenizer, Converter.of("t2s"), true);
 * // 頭髮 → 頭髮 (position 0), 头发 (position 0)
 * }</pre>
 *
 * <p>For exact offsets over changed lengths, convert before tokenizing with {@link ZhnormCharFilter};
 * this filter keeps each token's offsets, which is right because a token maps to a token.
 */
public final class ZhnormTokenFilter extends TokenFilter {
    private final TextTransform transform;
    private final boolean keepBoth;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    /** The converted form still to emit after the original, under keepBoth. */
    private String pendingTerm;
    private State pendingState;

    /**
     * @param input the tokens
     * @param transform a converter or normalizer
     * @param keepBoth whether a changed token is emitted in both forms at one position
     */
    public ZhnormTokenFilter(TokenStream input, TextTransform transform, boolean keepBoth) {
        super(input);
        this.transform = Objects.requireNonNull(transform, "transform");
        this.keepBoth = keepBoth;
    }

    /**
     * Converts each token, without keeping the original.
     *
     * @param input the tokens
     * @param transform a converter or normalizer
     */
    public ZhnormTokenFilter(TokenStream input, TextTransform transform) {
        this(input, transform, false);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingTerm != null) {
            restoreState(pendingState);
            termAtt.setEmpty().append(pendingTerm);
            posIncAtt.setPositionIncrement(0);
            pendingTerm = null;
            pendingState = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (keywordAtt.isKeyword() || termAtt.length() == 0) {
            return true;
        }
        String converted = transform.apply(termAtt);
        if (converted.isEmpty() || converted.contentEquals(termAtt)) {
            return true;
        }
        if (keepBoth) {
            pendingState = captureState();
            pendingTerm = converted;
        } else {
            termAtt.setEmpty().append(converted);
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingTerm = null;
        pendingState = null;
    }
}
