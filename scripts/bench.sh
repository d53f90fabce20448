#!/usr/bin/env bash
# Builds the benchmark suite, runs it, and writes BENCHMARKS.md at the repository root.
#
# Usage: scripts/bench.sh
#   Environment (all optional):
#     BENCH_FORKS=1 BENCH_WARMUP=3 BENCH_ITER=5 BENCH_TIME=1s   JMH settings of the throughput benchmarks
#     BENCH_INCLUDE=regex     which throughput benchmarks (default: every one but cold start)
#     BENCH_COLDSTART=1       0 skips the cold-start benchmark (fresh JVMs per preset)
#     BENCH_ANALYSIS=1        0 skips the search-analysis benchmark (AnalysisBenchmark: Lucene analyzers with
#                             and without ZhnormCharFilter, and the ICU transform; then AnalysisPairedTiming, the
#                             same analyzers interleaved in one JVM; their own section of the report)
#     BENCH_PAIRED=1          0 skips the one-core run: zhnorm and HanLP in one JVM pinned to core 0
#                             (taskset, when installed), interleaved, ratios per preset (PairedTiming)
#     BENCH_PAIRED_ROUNDS=7 BENCH_PAIRED_WARMUP=20 BENCH_PAIRED_PRESETS=s2t,...   its rounds (medians), warm-up
#                             measurements per subject (one call, or 4 MB of calls on the 1 KB text), and
#                             presets (default all)
#     BENCH_SKIP_BUILD=1      reuse benchmarks/target/benchmarks.jar
#     BENCH_SKIP_JMH=1        reuse the JMH results of the last run (e.g. to redo heap, CLI and report)
#     BENCH_OUT=BENCHMARKS.md where the report goes
#     BENCH_SPARK=1           also run scripts/bench-spark.sh (the Spark section of benchmarks/RECORDS.md; minutes)
#     ZHNORM_CORPUS_DIR=...   the corpus folder (default: ../shared/corpus beside the repository)
#     ZHNORM_CLI_JAR=...      the CLI jar (default: cli/target/zhnorm.jar, built by the cli module)
#     ZHNORM_CLI_ARGS="convert -c t2s {in} -o {out}"   the CLI arguments, file to file; without {in}
#                             and {out} the file is standard input and standard output goes to a file
#     BENCH_FOOTPRINT=1       0 skips the CLI start-up and memory runs (./zhnorm, java -jar and opencc
#                             when installed, 1 KB and 200 MB, whole process, /usr/bin/time)
#     BENCH_FOOTPRINT_RUNS=20 BENCH_FOOTPRINT_BIG_RUNS=20   runs per subject on 1 KB / on 200 MB
# Results (JMH JSON, heap and CLI timings) are kept in benchmarks/target/bench-results/.
# Measure on a quiet machine: the report records the load average before and after the run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

forks=${BENCH_FORKS:-1}
warmup=${BENCH_WARMUP:-3}
iter=${BENCH_ITER:-5}
time=${BENCH_TIME:-1s}
include=${BENCH_INCLUDE:-'dev\.zhnorm\.bench\.(Corpus|Synthetic|SyntheticIcu|Article|Parallel|Normalizer)Benchmark'}
out=${BENCH_OUT:-BENCHMARKS.md}
results=benchmarks/target/bench-results
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
load_before=$(loadavg)
echo "bench: load average before: $load_before"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "bench: building (mvn -B -q -pl benchmarks,cli -am package -DskipTests)"
  mvn -B -q -pl benchmarks,cli -am package -DskipTests
fi
jar=benchmarks/target/benchmarks.jar
core_jar=$(ls core/target/zhnorm-core-*.jar | grep -v -e sources -e javadoc | head -1)
probe_cp="$root/$core_jar:$root/benchmarks/target/classes"
corpus_opt=()
fork_opt=()
if [ -n "${ZHNORM_CORPUS_DIR:-}" ]; then
  corpus_opt=(-Dzhnorm.corpus.dir="$ZHNORM_CORPUS_DIR")
  fork_opt=(-jvmArgsAppend "-Dzhnorm.corpus.dir=$ZHNORM_CORPUS_DIR")
fi
jmh_cmd=("$java" "${corpus_opt[@]}" -jar "$jar" "$include" -f "$forks" -wi "$warmup" -w "$time" -i "$iter" -r "$time"
         "${fork_opt[@]}" -rf json -rff "$results/throughput.json")
analysis_cmd=("$java" "${corpus_opt[@]}" -jar "$jar" 'dev\.zhnorm\.bench\.AnalysisBenchmark' -f "$forks" -wi "$warmup"
              -w "$time" -i "$iter" -r "$time" "${fork_opt[@]}" -rf json -rff "$results/analysis.json")
cold_cmd=("$java" -jar "$jar" 'dev\.zhnorm\.bench\.ColdStartBenchmark'
          -jvmArgsAppend "-Dzhnorm.coldstart.classpath=$probe_cp" -rf json -rff "$results/coldstart.json")
result_files="$results/throughput.json"
if [ "${BENCH_COLDSTART:-1}" = 1 ]; then
  result_files="$result_files,$results/coldstart.json"
fi
if [ "${BENCH_SKIP_JMH:-0}" = 1 ]; then
  echo "bench: reusing the JMH results in $results"
  load_before=$(cat "$results/load-before.txt")
else
  rm -rf "$results"
  mkdir -p "$results"
  echo "$load_before" > "$results/load-before.txt"
  echo "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- core cli benchmarks 2>/dev/null || echo ' (with uncommitted changes)')" > "$results/commit.txt"
  echo "bench: ${jmh_cmd[*]}"
  "${jmh_cmd[@]}" | tee "$results/throughput.log"
  if [ "${BENCH_ANALYSIS:-1}" = 1 ]; then
    echo "bench: ${analysis_cmd[*]}"
    loadavg > "$results/analysis-load-before.txt"
    "${analysis_cmd[@]}" | tee "$results/analysis.log"
    analysis_paired_cmd=("$java" -Xms2g -Xmx2g -XX:G1HeapRegionSize=16m "${corpus_opt[@]}" -cp "$jar"
                         dev.zhnorm.bench.AnalysisPairedTiming --out "$results/analysis-paired.md")
    echo "bench: ${analysis_paired_cmd[*]}"
    "${analysis_paired_cmd[@]}"
    echo "${analysis_paired_cmd[*]}" | sed "s|$root/||g" > "$results/analysis-paired-command.txt"
    loadavg > "$results/analysis-load-after.txt"
  fi
  if [ "${BENCH_COLDSTART:-1}" = 1 ]; then
    echo "bench: ${cold_cmd[*]}"
    "${cold_cmd[@]}" | tee "$results/coldstart.log"
  fi
  if [ "${BENCH_PAIRED:-1}" = 1 ]; then
    pin=()
    if command -v taskset >/dev/null 2>&1; then
      pin=(taskset -c 0)
    fi
    paired_presets=()
    if [ -n "${BENCH_PAIRED_PRESETS:-}" ]; then
      paired_presets=(--presets "$BENCH_PAIRED_PRESETS")
    fi
    # Pre-touched heap: first touches of fresh pages are slow on some VMs, and they fell on whichever
    # subject ran first (t2s first in the run: 590 MB/s, 934 pre-touched, 1,177 later in the run).
    paired_cmd=("${pin[@]}" "$java" -Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:G1HeapRegionSize=16m "${corpus_opt[@]}" -cp "$jar"
                dev.zhnorm.bench.PairedTiming --rounds "${BENCH_PAIRED_ROUNDS:-7}" --warmup "${BENCH_PAIRED_WARMUP:-20}" "${paired_presets[@]}"
                --out "$results/paired.md")
    echo "bench: one core: ${paired_cmd[*]}"
    echo "load average before: $(loadavg)" > "$results/paired-load.txt"
    "${paired_cmd[@]}" | tee "$results/paired.log"
    echo "load average after: $(loadavg)" >> "$results/paired-load.txt"
    echo "${paired_cmd[*]}" > "$results/paired-command.txt"
  fi
  loadavg > "$results/load-after.txt"
fi

echo "bench: heap with every preset loaded"
"$java" -XX:+UseSerialGC -cp "$probe_cp" dev.zhnorm.bench.HeapProbe | tee "$results/heap.json"
if "$java" -XX:+UseSerialGC -Xmx100m -cp "$probe_cp" dev.zhnorm.bench.HeapProbe >/dev/null 2>&1; then
  capped="every preset loads and converts"
else
  capped="**fails** (out of memory)"
fi

cli_jar=${ZHNORM_CLI_JAR:-cli/target/zhnorm.jar}
default_cli_args='convert -c t2s {in} -o {out}'
cli_args=${ZHNORM_CLI_ARGS:-$default_cli_args}
if [ -n "$cli_jar" ] && [ -f "$cli_jar" ]; then
  echo "bench: CLI file to file with $cli_jar"
  "$java" "${corpus_opt[@]}" -cp "$jar" dev.zhnorm.bench.CliTiming --jar "$cli_jar" --out "$results/cli.json" \
      --args "$cli_args" --work "$results/cli"
else
  echo "bench: CLI file-to-file timing skipped: no $cli_jar (build the cli module, or set ZHNORM_CLI_JAR)"
  printf '{"skipped": "no CLI jar (%s) when the suite ran"}\n' "$cli_jar" > "$results/cli.json"
fi

if [ "${BENCH_FOOTPRINT:-1}" = 1 ] && [ -f "$cli_jar" ]; then
  echo "bench: CLI start-up and memory, whole process (load average now: $(loadavg))"
  "$java" "${corpus_opt[@]}" -cp "$jar" dev.zhnorm.bench.CliFootprint --launcher "$root/zhnorm" --jar "$cli_jar" \
      --out "$results/footprint.json" --runs "${BENCH_FOOTPRINT_RUNS:-20}" \
      --big-runs "${BENCH_FOOTPRINT_BIG_RUNS:-${BENCH_FOOTPRINT_RUNS:-20}}" --work "$results/footprint"
fi

load_after=$(cat "$results/load-after.txt" 2>/dev/null || loadavg)
echo "bench: load average after the JMH runs: $load_after"
command="scripts/bench.sh  (BENCH_FORKS=$forks BENCH_WARMUP=$warmup BENCH_ITER=$iter BENCH_TIME=$time)"
"$java" "${corpus_opt[@]}" -cp "$jar" dev.zhnorm.bench.Report --results "$result_files" \
    --heap "$results/heap.json" --heap-capped "$capped" --cli "$results/cli.json" --out "$out" \
    --footprint "$results/footprint.json" \
    --command "$command" --jmh-command "${jmh_cmd[*]#"$root/"}" \
    --load-before "$load_before" --load-after "$load_after" \
    --commit "$(cat "$results/commit.txt" 2>/dev/null || echo unknown)"
if [ -f "$results/analysis.json" ]; then
  "$java" "${corpus_opt[@]}" -cp "$jar" dev.zhnorm.bench.AnalysisReport --results "$results/analysis.json" \
      --out "$results/analysis.md" --command "${analysis_cmd[*]#"$root/"}" --commit "$(cat "$results/commit.txt" 2>/dev/null || echo unknown)" \
      --load-before "$(cat "$results/analysis-load-before.txt")" --load-after "$(cat "$results/analysis-load-after.txt")" \
      --paired "$results/analysis-paired.md" --paired-command "$(cat "$results/analysis-paired-command.txt")"
  { echo; cat "$results/analysis.md"; } >> "$out"
fi
if [ -f "$results/paired.md" ]; then
  {
    echo
    echo "## One core: zhnorm against HanLP in the same JVM"
    echo
    echo "Beside the two-core tables above: one JVM pinned to one core, zhnorm and HanLP portable-1.8.6"
    echo "converting the same text in turn, round after round; MB/s of UTF-8 input from the thread's CPU"
    echo "time, medians of the rounds, and the median of the per-round ratios (which cancels most of a"
    echo "busy machine's drift). A measurement is one call on the large texts and a batch of calls making"
    echo "4 MB on the 1 KB text (a stream of short texts). Presets HanLP does not implement show zhnorm alone."
    echo
    echo "Command: \`$(cat "$results/paired-command.txt" 2>/dev/null | sed "s|$root/||g")\`; $(tr '\n' ';' < "$results/paired-load.txt" 2>/dev/null)"
    echo
    cat "$results/paired.md"
  } >> "$out"
fi
# The Spark section (zhnorm-spark on local[1] and local[2] against core): opt-in, it takes minutes.
# It lives in benchmarks/RECORDS.md, between its markers, like the runs this script does not make.
if [ "${BENCH_SPARK:-0}" = 1 ]; then BENCH_OUT=benchmarks/RECORDS.md scripts/bench-spark.sh; fi
if [ -f benchmarks/RECORDS.md ]; then
  # Runs recorded by hand (Markdown on its own, A/B runs, earlier machines), kept across regenerations.
  { echo; cat benchmarks/RECORDS.md; } >> "$out"
fi
if [ -f benchmarks/PROFILE.md ]; then
  # Where the time goes: written by hand from profiles, kept across regenerations of the report.
  { echo; cat benchmarks/PROFILE.md; } >> "$out"
fi
