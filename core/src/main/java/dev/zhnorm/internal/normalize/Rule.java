package dev.zhnorm.internal.normalize;

/**
 * The rule ids of the normalization spec, as they appear in {@link dev.zhnorm.Change#rule()}.
 * P13 (characters never touched) and S7 (spacing=keep) never make a change, so they have no constant.
 */
enum Rule {
    U1, U2, U3,
    W1, W2, W3, W4,
    P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12,
    N1, N2a("N2a"), N2b("N2b"), N2c("N2c"), N2d("N2d"), N3,
    S0, S1, S2, S3, S4, S5, S6;

    private final String id;

    Rule() {
        this.id = name();
    }

    Rule(String id) {
        this.id = id;
    }

    /** @return the id as the spec writes it, e.g. {@code N2a} */
    String id() {
        return id;
    }
}
