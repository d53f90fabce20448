package dev.zhnorm.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Conversion data beyond the bundled presets: an OpenCC data folder and user dictionaries. */
final class DataOptions {
    @Option(names = "--opencc-data", paramLabel = "DIR",
            description = "OpenCC data folder: -c NAME uses DIR/NAME.json when it exists, and a -c FILE.json "
                    + "finds its dictionaries there (after the config's own folder).")
    Path openccData;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "User dictionary in OpenCC text format (KEY<TAB>VALUE per line), applied before "
                    + "everything else; repeatable, earlier files win.")
    List<Path> dictionaries = new ArrayList<>();
}
