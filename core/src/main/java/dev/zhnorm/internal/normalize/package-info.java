/**
 * The rules of the normalization spec ({@code shared/spec/normalization.md}), each named in code by
 * its id (P1 comma, N2a quantities, S4 spacing, …); not exported: {@link dev.zhnorm.Normalizer} is
 * the API.
 *
 * <p>Pipeline per line ({@code LineProcessor}): user-protected terms; Unicode cleanup, exotic
 * spaces, width and the width part of N1 ({@code Cleanup}: U1–U3, S0, W1–W4, N1); protected spans
 * ({@code ProtectedSpans}); conversion ({@code ConversionStep}); punctuation
 * ({@code PunctuationRules}: P1–P12, repeated to a fixpoint); numerals ({@code NumeralRules}: N1's
 * 〇 fix, N2, N3); whitespace ({@code WhitespaceRules}: S0–S6). Protected chars are never touched
 * after detection, so "restore" is implicit. Where a later stage creates a context an earlier one
 * reacts to (N3 spells digits into Han; S5 joins 一百 人), the earlier stages run again on that
 * line, as a second normalization would: that is what makes normalization idempotent. Rules
 * rewrite a {@code Line} through a {@code LineEditor}, which copies only when something changes and
 * records edits for explanations.
 */
package dev.zhnorm.internal.normalize;
