package dev.zhnorm.internal.normalize;

import dev.zhnorm.normalize.Indent;

import dev.zhnorm.normalize.Spacing;

import dev.zhnorm.normalize.Numerals;

import dev.zhnorm.normalize.Style;

import dev.zhnorm.Normalizer;
import dev.zhnorm.Preset;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds normalizers from notes such as {@code numerals=keep style=taiwan protect=a|b}; caches them per note. */
final class Profiles {
    private final Map<String, Normalizer> cache = new ConcurrentHashMap<>();

    Normalizer of(String options) {
        return cache.computeIfAbsent(options.trim(), Profiles::build);
    }

    static Normalizer build(String options) {
        Normalizer.Builder b = Normalizer.builder();
        for (String token : options.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not key=value: " + token);
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            switch (key) {
                case "conversion" -> {
                    if (value.equals("none")) {
                        b.noConversion();
                    } else {
                        b.conversion(Preset.fromId(value).orElseThrow(() -> new IllegalArgumentException(value)));
                    }
                }
                case "style" -> b.style(Style.fromId(value).orElseThrow());
                case "numerals" -> b.numerals(Numerals.fromId(value).orElseThrow());
                case "spacing" -> b.spacing(Spacing.fromId(value).orElseThrow());
                case "indent" -> b.indent(Indent.fromId(value).orElseThrow());
                case "protect" -> b.protect(value.split("\\|"));
                default -> throw new IllegalArgumentException("unknown option " + key);
            }
        }
        return b.build();
    }
}
