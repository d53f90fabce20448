package dev.zhnorm.cli;

import dev.zhnorm.Explanation;
import dev.zhnorm.OffsetMap;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/** No change at all: {@code -c none} while normalization is not wired in. */
final class IdentityTransform implements TextTransform {
    @Override
    public String description() {
        return "no conversion";
    }

    @Override
    public String apply(CharSequence text) {
        return text.toString();
    }

    @Override
    public void apply(Reader in, Writer out) throws IOException {
        in.transferTo(out);
    }

    @Override
    public Explanation explain(CharSequence text) {
        return new Explanation(text.toString(), text.toString(), List.of(), OffsetMap.of(List.of()));
    }
}
