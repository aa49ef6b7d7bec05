#!/bin/sh
# Prints the home of a Java 25+ JDK, or fails with a message saying how to get one.
# Order: $JAVA_HOME if it is 25+, then the Temurin 25 JDK these machines ship, then any /usr/lib/jvm/*25*.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ]; then
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      printf '%s\n' "$candidate"
      exit 0
    fi
  fi
done
echo "marquee: no Java 25 JDK found. Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
exit 1
