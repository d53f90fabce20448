package dev.zhnorm;

import java.util.Locale;
import java.util.Objects;

/**
 * The verdict of {@link ScriptDetector} with the counts that decided it.
 *
 * <pre>{@code
 * ScriptDetection d = ScriptDetector.standard().detect("這是繁體字，这是简体字");
 * d.script();        // MIXED
 * d.traditional();   // 2: 這 體, characters only Traditional text uses
 * d.simplified();    // 3: 这 简 体
 * d.han();           // 10: every Han character, deciding or not (是 繁 字 are shared)
 * }</pre>
 *
 * @param script the verdict
 * @param traditional how many characters occur only in Traditional text (e.g. 這, 體, 灣)
 * @param simplified how many characters occur only in Simplified text (e.g. 这, 体, 湾)
 * @param han how many Han characters the text has in all, including those both scripts share
 */
public record ScriptDetection(Script script, long traditional, long simplified, long han) {
    /**
     * Checks the counts: none negative, and the deciding characters among the Han characters.
     *
     * @param script the verdict
     * @param traditional how many characters occur only in Traditional text
     * @param simplified how many characters occur only in Simplified text
     * @param han how many Han characters the text has in all
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public ScriptDetection {
        Objects.requireNonNull(script, "script");
        if (traditional < 0 || simplified < 0 || han < traditional + simplified) {
            throw new IllegalArgumentException("inconsistent counts: traditional=" + traditional
                    + ", simplified=" + simplified + ", han=" + han);
        }
    }

    /**
     * @return the verdict with its counts, e.g. {@code traditional (traditional-only 12, simplified-only 0, Han 40)}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (traditional-only %d, simplified-only %d, Han %d)",
                script.id(), traditional, simplified, han);
    }
}
