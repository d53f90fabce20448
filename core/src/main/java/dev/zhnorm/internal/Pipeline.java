package dev.zhnorm.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A compiled OpenCC conversion: optional user entries that take precedence over everything, the
 * normalization stages (each over the whole text), optional maximum-match segmentation, and the
 * conversion chain applied to each segment on its own. Immutable and thread-safe; every call works
 * on its own {@link PipelineRun}, and every entry point (whole text, streaming, parallel) is the
 * {@link Driver}'s.
 */
public final class Pipeline implements Engine {
    private final CompiledDictionary user;
    private final List<CompiledDictionary> normalization;
    /**
     * The segmentation dictionary, or {@code null}. A supplier, so that a fused one (see
     * {@link #fusedSegmentation}), which only a full explanation walks apart, loads when that first
     * asks for it: for bundled s2twp that spares 35–40 ms of a fresh JVM's first conversion.
     */
    private final Supplier<CompiledDictionary> segmentation;
    private final List<CompiledDictionary> chain;
    /** Chars that start a key of a dictionary that can change text; all others are copied. */
    private final boolean[] starter = new boolean[1 << 16];
    /**
     * Whether the segmentation dictionary's keys are exactly the first stage's keys of two or more
     * code points (OpenCC's s2tw, s2hk, s2twp: both are STPhrases). Then one walk does both: a
     * position where such a key matches starts a segment whose first-stage output is that key's
     * value, and everything between converts by keys of one code point.
     */
    private final boolean fusedSegmentation;

    /**
     * @param user entries that win over everything and whose output is final, or {@code null}
     * @param normalization stages over the whole text, before segmentation
     * @param segmentation the maximum-match segmentation dictionary, or {@code null} for one segment
     * @param chain the conversion stages applied to each segment
     */
    public Pipeline(CompiledDictionary user, List<CompiledDictionary> normalization,
                    CompiledDictionary segmentation, List<CompiledDictionary> chain) {
        this(user, normalization, segmentation, chain, null);
    }

    /**
     * @param fusedSegmentation the value of {@link #segmentationFuses(CompiledDictionary, List)} when
     *     the caller already knows it (bundled presets, verified by a test), or null to compute it
     */
    Pipeline(CompiledDictionary user, List<CompiledDictionary> normalization, CompiledDictionary segmentation,
             List<CompiledDictionary> chain, Boolean fusedSegmentation) {
        this(user, normalization, segmentation == null ? null : () -> segmentation, chain,
                fusedSegmentation != null ? fusedSegmentation : segmentationFuses(segmentation, chain));
    }

    /**
     * @param segmentation supplies the segmentation dictionary (called when it is needed, and then
     *     each time: it must cache), or {@code null} for one segment
     * @param fusedSegmentation the value of {@link #segmentationFuses(CompiledDictionary, List)}
     */
    Pipeline(CompiledDictionary user, List<CompiledDictionary> normalization, Supplier<CompiledDictionary> segmentation,
             List<CompiledDictionary> chain, boolean fusedSegmentation) {
        this.user = user;
        this.normalization = List.copyOf(normalization);
        this.segmentation = segmentation;
        this.chain = List.copyOf(chain);
        List<CompiledDictionary> changing = new ArrayList<>(this.normalization);
        changing.addAll(this.chain);
        if (user != null) {
            changing.add(user);
        }
        this.fusedSegmentation = fusedSegmentation;
        for (int c = 0; c < starter.length; c++) {
            for (CompiledDictionary d : changing) {
                if (d.startsKey((char) c)) {
                    starter[c] = true;
                    break;
                }
            }
        }
    }

    /** Computes the property; walks every key of both dictionaries, so costly for large ones. */
    static boolean segmentationFuses(CompiledDictionary segmentation, List<CompiledDictionary> chain) {
        if (segmentation == null || chain.isEmpty()) {
            return false;
        }
        Set<String> segKeys = new HashSet<>();
        for (FlatEntry e : segmentation.entries()) {
            if (e.key().codePointCount(0, e.key().length()) < 2) {
                return false;
            }
            segKeys.add(e.key());
        }
        Set<String> firstKeys = new HashSet<>();
        for (FlatEntry e : chain.get(0).entries()) {
            if (containsOperator(e.key())) {
                // Segmentation groups a description sequence before the stage could match inside it.
                return false;
            }
            if (e.key().codePointCount(0, e.key().length()) >= 2) {
                firstKeys.add(e.key());
            }
        }
        return segKeys.equals(firstKeys);
    }

    private static boolean containsOperator(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (IdeographicDescription.isOperator(key.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    boolean fusedSegmentation() {
        return fusedSegmentation;
    }

    public CompiledDictionary user() {
        return user;
    }

    public List<CompiledDictionary> normalization() {
        return normalization;
    }

    public CompiledDictionary segmentation() {
        return segmentation == null ? null : segmentation.get();
    }

    public List<CompiledDictionary> chain() {
        return chain;
    }

    /** @return a copy of this pipeline whose user entries are {@code userEntries} */
    public Pipeline withUser(CompiledDictionary userEntries) {
        return new Pipeline(userEntries, normalization, segmentation, chain, fusedSegmentation);
    }

    /** {@link #keepingUserValues()}, computed on first use. */
    private volatile Pipeline keepingUserValues;

    /**
     * This pipeline with each user entry's value a key of the user entries mapped to itself (in place
     * of an entry of that key, if any): for a normalizer that converts converted text again, where a
     * user entry's value (final, not converted further) would otherwise be taken for input
     * ({@code Taiwan → 臺灣}, then {@code 台湾}; entries that map into each other would swap back and
     * forth). Computed once per pipeline; this pipeline when it has no user entries.
     */
    public Pipeline keepingUserValues() {
        Pipeline p = keepingUserValues;
        if (p == null) {
            if (user == null) {
                p = this;
            } else {
                List<FlatEntry> entries = new ArrayList<>();
                Set<String> values = new HashSet<>();
                for (FlatEntry e : user.entries()) {
                    if (!e.value().isEmpty() && values.add(e.value())) {
                        entries.add(new FlatEntry(e.value(), e.value(), e.source()));
                    }
                }
                for (FlatEntry e : user.entries()) {
                    if (!values.contains(e.key())) {
                        entries.add(e);
                    }
                }
                p = withUser(CompiledDictionary.compile(user.name(), entries, CompiledDictionary.Purpose.SEGMENTATION));
            }
            keepingUserValues = p;
        }
        return p;
    }

    /** {@link #forNormalization()}, computed on first use. */
    private volatile Pipeline forNormalization;

    /**
     * This conversion with OpenCC's one-step chains closed, for a normalizer, whose output must not
     * change when normalized again: in each stage a char's one-char mapping goes to the end of its
     * chain ({@code 薴 → 苧 → 苎} becomes {@code 薴 → 苎}), and a char that a later stage outputs
     * does not convert alone in an earlier one (tw2s's {@code 麼 → 么} then {@code 么 → 幺} would turn
     * {@code 什麼} into {@code 什幺} on the second run). {@link dev.zhnorm.Converter} keeps OpenCC's
     * semantics and never uses this. Computed once per pipeline.
     */
    public Pipeline forNormalization() {
        Pipeline p = forNormalization;
        if (p == null) {
            List<CompiledDictionary> closed = new ArrayList<>(chain.size());
            boolean changed = false;
            for (int i = 0; i < chain.size(); i++) {
                boolean[] laterOutputs = new boolean[1 << 16];
                for (int j = i + 1; j < chain.size(); j++) {
                    chain.get(j).markSingleOutputs(laterOutputs);
                }
                CompiledDictionary d = chain.get(i).closedForNormalization(laterOutputs);
                changed |= d != chain.get(i);
                closed.add(d);
            }
            p = changed ? new Pipeline(user, normalization, segmentation, closed, fusedSegmentation) : this;
            forNormalization = p;
        }
        return p;
    }

    /** @return whether some stage (user entries, normalization, conversion) has a key that starts with {@code c} */
    public boolean anyStageStartsKey(char c) {
        if (user != null && user.startsKey(c)) {
            return true;
        }
        for (CompiledDictionary d : normalization) {
            if (d.startsKey(c)) {
                return true;
            }
        }
        for (CompiledDictionary d : chain) {
            if (d.startsKey(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #withoutNormalization()}, computed on first use. */
    private volatile Pipeline withoutNormalization;

    /**
     * This pipeline without its normalization stages: the same conversion for any text in which no
     * char {@linkplain #everyNormalizationStarter starts a key} of those stages, since a stage then
     * copies the text unchanged (a description sequence, where no key matches, is copied whole).
     * A caller that knows this of a text spares the stages' scans of it. Computed once per pipeline.
     */
    public Pipeline withoutNormalization() {
        Pipeline p = withoutNormalization;
        if (p == null) {
            p = normalization.isEmpty() ? this : new Pipeline(user, List.of(), segmentation, chain, fusedSegmentation);
            withoutNormalization = p;
        }
        return p;
    }

    /** The chars that start a key of a normalization stage, ascending; computed on first use. */
    private volatile char[] normalizationStarters;

    /**
     * @return whether {@code test} holds for every char that starts a key of a normalization stage
     *     (cheap after the first call: a few hundred chars for the bundled CJK compatibility stage)
     */
    public boolean everyNormalizationStarter(IntPredicate test) {
        char[] starters = normalizationStarters;
        if (starters == null) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < CompiledDictionary.ROOT_SIZE; c++) {
                for (CompiledDictionary d : normalization) {
                    if (d.startsKey((char) c)) {
                        sb.append((char) c);
                        break;
                    }
                }
            }
            starters = sb.toString().toCharArray();
            normalizationStarters = starters;
        }
        for (char c : starters) {
            if (!test.test(c)) {
                return false;
            }
        }
        return true;
    }

    /** Chars that occur in no key of any dictionary here; computed on first use. */
    private volatile boolean[] barrier;

    /**
     * Whether {@code c} occurs in no key of any of this pipeline's dictionaries. Then no match,
     * segment or stage can span it, so converting the text before it and the text from it on
     * separately gives exactly the whole conversion: a safe place to cut for parallel work.
     */
    public boolean isBarrier(char c) {
        boolean[] b = barrier;
        if (b == null) {
            boolean[] used = new boolean[1 << 16];
            List<CompiledDictionary> all = new ArrayList<>(normalization);
            all.addAll(chain);
            if (segmentation != null && !fusedSegmentation) {
                // A fused segmentation's keys are keys of the first stage: no char of its own.
                all.add(segmentation.get());
            }
            if (user != null) {
                all.add(user);
            }
            all.forEach(d -> d.markKeyChars(used));
            b = new boolean[used.length];
            for (int i = 0; i < used.length; i++) {
                b[i] = !used[i];
            }
            barrier = b;
        }
        return b[c];
    }

    /** @return the index of the first char of {@code s} that some dictionary could change, or its length */
    @Override
    public int firstChangeCandidate(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (starter[s.charAt(i)]) {
                return i;
            }
        }
        return n;
    }

    /**
     * @return the index of the first char of {@code a[from,to)} that some dictionary could change, or
     *     {@code to} (a normalizer's conversion step skips a line's free text up to it)
     */
    public int firstChangeCandidate(char[] a, int from, int to) {
        final boolean[] st = starter;
        int i = from;
        while (i < to && !st[a[i]]) {
            i++;
        }
        return i;
    }

    /**
     * Safe before a barrier char that is not the second half of a surrogate pair and that no
     * ideographic description sequence can span.
     */
    @Override
    public boolean isSafeCut(char[] a, int i) {
        char c = a[i];
        return isBarrier(c) && !Character.isLowSurrogate(c) && outsideDescription(a, i);
    }

    /**
     * Whether no ideographic description sequence can span {@code i}: no operator in the longest
     * sequence's reach before it (a sequence's operands may be any chars, barriers included).
     */
    private static boolean outsideDescription(char[] a, int i) {
        for (int k = i - 1, low = Math.max(0, i - IdeographicDescription.MAX_CHARS); k >= low; k--) {
            if (IdeographicDescription.isOperator(a[k])) {
                return false;
            }
        }
        return true;
    }

    /** A newline, when it occurs in no key: the cut that keeps lines whole. */
    @Override
    public int preferredCut() {
        return isBarrier('\n') ? '\n' : -1;
    }

    /**
     * Starts an incremental conversion writing into {@code out}; feed it with
     * {@link PipelineRun#push} and finish with {@code end = true}. Takes the {@linkplain #folded()
     * folded} pipeline once a long text has derived it.
     */
    @Override
    public PipelineRun newRun(CharBuf out) {
        Pipeline f = folded;
        return new PipelineRun(f != null ? f : this, out);
    }

    /** A run for a long text or a stream: worth deriving the {@linkplain #folded() folded} pipeline first. */
    @Override
    public PipelineRun newLongRun(CharBuf out) {
        return new PipelineRun(folded(), out);
    }

    /**
     * A run for one short text of {@code chars} chars: the {@linkplain #folded() folded} pipeline
     * once it is derived, which short texts do too once {@link
     * CompiledDictionary#SHORT_TEXTS_DERIVE_AFTER} of their chars have gone through without it (a
     * stream of short texts never sent a long one that would).
     */
    @Override
    public PipelineRun newShortRun(CharBuf out, int chars) {
        Pipeline f = folded;
        if (f == null) {
            f = shortTexts.add(chars) ? folded() : this;
        }
        return new PipelineRun(f, out);
    }

    /** Chars of short texts run before {@link #folded} was derived. */
    private final Demand shortTexts = new Demand(CompiledDictionary.SHORT_TEXTS_DERIVE_AFTER);

    /** {@link #folded()}, derived on first use; this pipeline itself when nothing folds. */
    private volatile Pipeline folded;

    /**
     * The same conversion with its normalization stage folded into the first stage of the chain
     * (and into the segmentation): one stage whose keys are all the strings the normalization maps
     * to a key of the first stage ({@link CompiledDictionary#precededBy}), so that no pass scans the
     * whole text for the normalization's few hundred chars (one pinned JVM each, 左传: hk2t
     * 1.26x, t2hk 1.39x, t2s 1.32x, hk2s 1.20x, tw2sp 1.16x). Only runs that record nothing take
     * it: an explanation keeps naming the normalization's edits apart. This pipeline itself when there is no single normalization stage
     * that maps code point to code point.
     */
    Pipeline folded() {
        Pipeline p = folded;
        if (p == null) {
            p = fold();
            folded = p;
        }
        return p;
    }

    /** @return whether {@link #folded()} has been derived (for tests) */
    boolean hasFolded() {
        return folded != null;
    }

    private Pipeline fold() {
        // Not into a dense first stage (s2t's): the compatibility targets hold in 23,600 of its
        // phrases' preimages, which made s2t 0.98x and s2hk 0.94x and cost 190 ms to derive in a
        // fresh JVM, where the scan it spares is a fifteenth of the time.
        if (normalization.size() != 1 || chain.isEmpty() || chain.get(0).skipsUnchangingKeys()) {
            return this;
        }
        CompiledDictionary map = normalization.get(0);
        CompiledDictionary first = chain.get(0).precededBy(map, CompiledDictionary.Purpose.CONVERSION);
        if (first == null) {
            return this;
        }
        CompiledDictionary seg = segmentation == null ? null
                : segmentation.get().precededBy(map, CompiledDictionary.Purpose.SEGMENTATION);
        if (segmentation != null && seg == null) {
            return this;
        }
        List<CompiledDictionary> foldedChain = new ArrayList<>(chain);
        foldedChain.set(0, first);
        return new Pipeline(user, List.of(), seg, foldedChain, fusedSegmentation);
    }

    /** {@link #chainShortcut()}: {@code null} until derived, then the shortcut if there is one. */
    private volatile Optional<ChainShortcut> chainShortcut;

    /**
     * The chain's two stages as one, for the texts on which the first acts char by char (a
     * normalizer's lines: t2cn's first stage, regional variants, converts most lines so); derived on
     * first use, 30–70 ms for t2cn.
     *
     * @return the shortcut, or {@code null} for a pipeline with user entries, normalization stages
     *     or a segmentation, or whose chain does not fold ({@link ChainShortcut#derive})
     */
    public ChainShortcut chainShortcut() {
        Optional<ChainShortcut> s = chainShortcut;
        if (s == null) {
            s = Optional.ofNullable(user == null && normalization.isEmpty() && segmentation == null
                    ? ChainShortcut.derive(chain) : null);
            chainShortcut = s; // a race derives twice, never wrongly
        }
        return s.orElse(null);
    }

    /** Chars converted without the chain shortcut by callers of {@link #chainShortcutAfter}, towards deriving it. */
    private final Demand shortcutDemand = new Demand(SHORTCUT_AFTER_CHARS);

    /**
     * Chars that callers of {@link #chainShortcutAfter} convert without the chain shortcut before it
     * is derived. Deriving t2cn's takes 30–70 ms (and 1.4 MB) and saves about a fifth of the time
     * from then on; normalizing 16 M chars takes about 130 ms, so by then the fifth lost without it
     * is about what deriving costs (rent or buy: a process that stops right after deriving has
     * spent two to three and a half times what the better choice in hindsight would, and a process
     * that normalizes less never pays for it).
     */
    public static final int SHORTCUT_AFTER_CHARS = 1 << 24;

    /**
     * {@link #chainShortcut()} once callers have converted {@link #SHORTCUT_AFTER_CHARS} chars without
     * it, in one text or in many (a search index's documents, a column of rows).
     *
     * @param chars the chars about to be converted
     * @return the shortcut if it is derived by now, else {@code null}
     */
    public ChainShortcut chainShortcutAfter(int chars) {
        Optional<ChainShortcut> s = chainShortcut;
        if (s != null) {
            return s.orElse(null);
        }
        return shortcutDemand.add(chars) ? chainShortcut() : null;
    }

    /** @return {@link #chainShortcut()} if some caller has derived it, else {@code null} (derives nothing) */
    public ChainShortcut chainShortcutIfDerived() {
        Optional<ChainShortcut> s = chainShortcut;
        return s == null ? null : s.orElse(null);
    }

    /** A run whose levels record their edits, user entries included ({@link PipelineRun#edits()}). */
    @Override
    public PipelineRun newRecordingRun(CharBuf out, boolean lean) {
        return new PipelineRun(this, out, true, lean);
    }

    /**
     * Explanations of many short texts (a normalizer's runs of free text) through one recording run,
     * which spares building a run per text. Not thread-safe; one per caller.
     */
    public final class Explainer {
        private final CharBuf out = new CharBuf(256);
        private final PipelineRun run;

        /** @param lean whether the logs are {@linkplain EditLog#lean() lean} */
        public Explainer(boolean lean) {
            this.run = newRecordingRun(out, lean);
        }

        /** @return {@link Driver#explain Driver.explain(pipeline, a[from,to), lean)} */
        public Explained explain(char[] a, int from, int to) {
            out.clear();
            run.push(a, from, to, true);
            return new Explained(out.toString(), run.edits());
        }
    }
}
