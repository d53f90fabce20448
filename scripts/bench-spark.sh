#!/usr/bin/env bash
# The Spark benchmark: zhnorm's default normalization over 左传 lines repeated to SPARK_BENCH_MB (200) MB,
# by zhnorm-core on one thread, by NormalizeJob and by the SQL function on local[1] and local[2], each
# in a fresh JVM. Writes the Spark section of benchmarks/RECORDS.md (between its spark-bench markers),
# which scripts/bench.sh appends to BENCHMARKS.md.
#
# Usage: scripts/bench-spark.sh
#   Environment (optional): SPARK_BENCH_MB=200  SPARK_BENCH_SKIP_BUILD=1  BENCH_OUT=benchmarks/RECORDS.md
#                           ZHNORM_CORPUS_DIR=...  (default: ../shared/corpus beside the repository,
#                           or ../../shared/corpus for a worktree)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mb=${SPARK_BENCH_MB:-200}
out=${BENCH_OUT:-benchmarks/RECORDS.md}
corpus_dir=${ZHNORM_CORPUS_DIR:-$root/../shared/corpus}
[ -d "$corpus_dir" ] || [ -n "${ZHNORM_CORPUS_DIR:-}" ] || corpus_dir=$root/../../shared/corpus   # a worktree in wt/
corpus=$corpus_dir/zuozhuan.hant.txt
work=spark/target/bench
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [ ! -f "$corpus" ]; then
  echo "bench-spark: no corpus at $corpus (set ZHNORM_CORPUS_DIR); skipped"
  exit 0
fi
mkdir -p "$work"
# One reactor build of core and spark: the class path gets this tree's core (core/target/classes), not
# whatever zhnorm-core snapshot the local repository holds. The spark module writes cp.txt last.
offline=()
[ "${SPARK_BENCH_SKIP_BUILD:-0}" = 1 ] && offline=(-o)
mvn -B -q "${offline[@]}" -pl core,spark test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$root/$work/cp.txt" >/dev/null
cp="spark/target/test-classes:spark/target/classes:$(cat "$work/cp.txt")"
opens=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' spark/pom.xml)
run() { "$java" -Xmx3g $opens -cp "$cp" dev.zhnorm.spark.SparkBench "$@"; }

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
load_before=$(load)
input=$work/zuozhuan-${mb}mb.txt
warm=$work/zuozhuan-16mb.txt
[ -f "$input" ] || run prepare "$corpus" "$mb" "$input"
[ -f "$warm" ] || run prepare "$corpus" 16 "$warm"
results=$work/results.tsv
rm -f "$results"
run core "$input" "$warm" "$results"
for master in 'local[1]' 'local[2]'; do
  for mode in sql-read sql job; do
    run "$mode" "$master" "$input" "$warm" "$work" "$results"
  done
done
rm -rf "$work/job-out"
run report "$results" "$out" "scripts/bench-spark.sh (SPARK_BENCH_MB=$mb)" "$load_before before, $(load) after"
