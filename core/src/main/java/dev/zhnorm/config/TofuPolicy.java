package dev.zhnorm.config;

/**
 * What to do with dictionaries a config marks {@code "may_output_tofu": true} (their output may use
 * characters that common fonts lack, e.g. OpenCC's {@code TSCharactersExt.txt}).
 */
public enum TofuPolicy {
    /** Use them, as OpenCC's Python binding and test suite do. The default. */
    INCLUDE,
    /** Leave them out of conversion stages, as OpenCC's command line does by default. */
    EXCLUDE
}
