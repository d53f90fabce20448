package dev.zhnorm.bench;

import java.util.function.Function;

/**
 * One benchmark's work: an input text and a subject's conversion of it, checked once at set-up
 * (see {@link Checks#converts}) so a broken subject fails the run instead of measuring nothing.
 *
 * @param text the input
 * @param conversion the subject's conversion, see {@link Subjects#conversion}
 */
record Workload(String text, Function<String, String> conversion) {
    /** @return the workload of {@code subject} on the named input in the given script */
    static Workload of(String subject, String input, Inputs.Script script) {
        String text = Inputs.text(input, script);
        Function<String, String> conversion = Subjects.conversion(subject);
        Checks.converts(subject, conversion, text);
        return new Workload(text, conversion);
    }

    /** @return the workload of {@code subject} on the named input in its preset's source script */
    static Workload of(String subject, String input) {
        return of(subject, input, Inputs.sourceScript(Subjects.preset(subject)));
    }

    /** @return one conversion of the text */
    String run() {
        return conversion.apply(text);
    }
}
