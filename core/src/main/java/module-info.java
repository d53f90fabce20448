/**
 * zhnorm: Chinese text conversion with OpenCC semantics, and normalization of punctuation, numerals,
 * width, whitespace and Unicode artifacts.
 */
module dev.zhnorm {
    requires com.fasterxml.jackson.databind;
    requires com.ibm.icu;
    // Documents (spec §9). Plain text never loads their classes: only the document path refers to them.
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
    requires org.commonmark.ext.front.matter;
    requires org.commonmark.ext.footnotes;
    requires org.commonmark.ext.gfm.strikethrough;
    requires org.jsoup;

    exports dev.zhnorm;
    exports dev.zhnorm.config;
    exports dev.zhnorm.dict;
    exports dev.zhnorm.normalize;
}
