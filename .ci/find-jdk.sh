# Sourced by .ci/run and bench/run.sh: sets JAVA_HOME to a JDK 21+ (JAVA_HOME, java on PATH, /usr/lib/jvm, /opt).
java_major() {
  "$1" -version 2>&1 | head -n 1 | sed -E 's/.*version "([0-9]+)(\.[^"]*)?".*/\1/'
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return
  fi
  if command -v java >/dev/null 2>&1 && [ "$(java_major "$(command -v java)")" -ge 21 ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    return
  fi
  local best="" best_major=0
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    local major
    major="$(java_major "$dir/bin/java")"
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21+ found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt)" >&2
    exit 1
  fi
  JAVA_HOME="$best"
}

pick_jdk
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
