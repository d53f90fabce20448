package dev.zhnorm.internal.normalize;

import dev.zhnorm.internal.EditLog;

/** One pass of a rule group over a line: reads {@code src}, writes {@code dst} through the editor. */
@FunctionalInterface
interface Sweep {
    /**
     * @param log where edits are recorded, or {@code null} on the fast path
     * @return whether anything changed; if so the result is in {@code dst}
     */
    boolean apply(Line src, Line dst, LineEditor ed, EditLog log);
}
