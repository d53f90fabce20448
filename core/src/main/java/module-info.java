/**
 * zhnorm: Chinese text conversion with OpenCC semantics, and normalization of punctuation, numerals,
 * width, whitespace and Unicode artifacts.
 */
module dev.zhnorm {
    requires com.fasterxml.jackson.databind;
    requires com.ibm.icu;

    exports dev.zhnorm;
    exports dev.zhnorm.config;
    exports dev.zhnorm.dict;
    exports dev.zhnorm.normalize;
}
