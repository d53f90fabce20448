package dev.zhnorm.lucene;

import dev.zhnorm.Converter;
import dev.zhnorm.Normalizer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the factories' parameters from Lucene's argument map and rejects the ones left over. */
final class FactoryArgs {
    private FactoryArgs() {
    }

    static Converter converter(Map<String, String> args) {
        return ZhnormTransforms.converter(args.remove("preset"));
    }

    static Normalizer normalizer(Map<String, String> args) {
        return ZhnormTransforms.normalizer(args.remove("preset"), args.remove("style"), args.remove("numerals"),
                args.remove("spacing"), args.remove("indent"));
    }

    /** @return the boolean parameter; only {@code true} and {@code false} are accepted */
    static boolean flag(Map<String, String> args, String name) {
        String v = args.remove(name);
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "parameter '" + name + "': expected true or false, found '" + v + "'");
        };
    }

    static void rejectUnknown(String factory, Map<String, String> args, List<String> valid) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(factory + ": unknown parameters " + args.keySet()
                    + "; valid parameters: " + String.join(", ", valid));
        }
    }
}
