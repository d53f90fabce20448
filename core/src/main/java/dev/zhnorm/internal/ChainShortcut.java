package dev.zhnorm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain of two stages as one, for the texts on which the first stage acts char by char. t2cn's
 * first stage (regional variants to OpenCC's standard: {@code 為 → 爲}) changes a few chars of
 * nearly every line, so it copies each line whole before the second stage copies it again; yet its
 * phrases rarely matter: about half of its keys of two or more code points write what their chars
 * would write one by one ({@code 著力 → 着力}, as {@code 著 → 着}), and lines seldom hold one of the
 * others ({@code 著名} stays). Where none of those starts anywhere in a text, the first stage's greedy walk
 * writes exactly what its code point map writes char by char (a phrase that matches writes what
 * its chars would), and that map folded into the second stage ({@link CompiledDictionary#precededBy})
 * converts in one pass what the two stages convert in two.
 *
 * <p>The folded stage also holds those phrases' paths, without values, so its table loop stops
 * wherever one may start, and {@link #convert} gives up there when one does: the test costs
 * nothing on the chars between. Immutable and thread-safe.
 */
public final class ChainShortcut {
    /** The second stage after the first stage's code point map, with the paths of {@link #guard}. */
    private final CompiledDictionary stage;
    /** The first stage's keys of two or more code points that convert otherwise than char by char. */
    private final CompiledDictionary guard;

    private ChainShortcut(CompiledDictionary stage, CompiledDictionary guard) {
        this.stage = stage;
        this.guard = guard;
    }

    /**
     * @param chain the conversion stages of a pipeline without user entries, normalization stages
     *     and segmentation
     * @return the shortcut, or {@code null} when the chain is not two stages, the second is dense
     *     (its loop is another), or the first stage's keys of one code point do not form a map that
     *     folds (one code point to one, no chains, no description operators)
     */
    static ChainShortcut derive(List<CompiledDictionary> chain) {
        if (chain.size() != 2 || chain.get(1).skipsUnchangingKeys()) {
            return null;
        }
        List<FlatEntry> singles = new ArrayList<>();
        List<FlatEntry> longer = new ArrayList<>();
        for (FlatEntry e : chain.get(0).entries()) {
            (e.key().codePointCount(0, e.key().length()) == 1 ? singles : longer).add(e);
        }
        Map<Integer, Integer> image = new HashMap<>();
        for (FlatEntry e : singles) {
            if (e.value().codePointCount(0, e.value().length()) != 1) {
                return null;
            }
            image.put(e.key().codePointAt(0), e.value().codePointAt(0));
        }
        List<FlatEntry> changing = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (FlatEntry e : longer) {
            StringBuilder charByChar = new StringBuilder(e.key().length());
            e.key().codePoints().forEach(cp -> charByChar.appendCodePoint(image.getOrDefault(cp, cp)));
            if (!charByChar.toString().equals(e.value())) {
                changing.add(e);
                paths.add(e.key());
            }
        }
        CompiledDictionary map = CompiledDictionary.compile(chain.get(0).name() + " (one code point)", singles,
                CompiledDictionary.Purpose.CONVERSION);
        CompiledDictionary stage = CodePointMapFold.derive(chain.get(1), map, true, paths);
        if (stage == null || stage.skipsUnchangingKeys()) {
            return null;
        }
        return new ChainShortcut(stage, CompiledDictionary.compile(
                chain.get(0).name() + " (phrases not char by char)", changing, CompiledDictionary.Purpose.CONVERSION));
    }

    /**
     * Converts {@code a[from,to)}, taken as a whole text, as the chain does, if no phrase of the
     * first stage that converts otherwise than char by char starts in it.
     *
     * @return whether it converted; {@code false} leaves part of the output in {@code out}, which
     *     the caller discards
     */
    public boolean convert(char[] a, int from, int to, CharBuf out) {
        return stage.convertUnless(guard, a, from, to, out);
    }
}
