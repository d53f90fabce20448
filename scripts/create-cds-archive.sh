#!/usr/bin/env bash
# Creates the application class-data-sharing archive of the command-line tool: a training run of
# common commands (dev.zhnorm.cli.CdsTraining) in a JVM that records every class it loaded, so that
# ./zhnorm maps them at start-up instead of loading, verifying and linking them again.
# Usage: scripts/create-cds-archive.sh JAVA JAR ARCHIVE   (run by the cli module in the package phase)
# A JVM maps the archive only with the garbage collector it was made with: -XX:+UseSerialGC here
# and in ./zhnorm. Never fails the build: without an archive ./zhnorm starts the ordinary way.
set -uo pipefail
java=$1 jar=$2 archive=$3
tmp="$archive.tmp.$$"
rm -f "$archive" "$tmp"
# -Xlog: only errors (the JVM reports classes it leaves out of the archive as warnings).
if "$java" -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$tmp" -Xlog:disable -Xlog:all=error:stderr \
    -cp "$jar" dev.zhnorm.cli.CdsTraining && [ -s "$tmp" ]; then
  mv -f "$tmp" "$archive"     # atomically: a half-written archive would crash the JVM that maps it
  wc -c <"$archive" | tr -d ' ' >"$archive.size"
  echo "create-cds-archive: $archive ($(cat "$archive.size") bytes)"
else
  rm -f "$tmp"
  echo "create-cds-archive: no archive (this JVM could not make one); ./zhnorm starts without it" >&2
fi
exit 0
