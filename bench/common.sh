# Shared by the bench/run-*.sh scripts: builds what is missing, then runs one benchmark class in a
# JVM of its own against the built distribution. Usage: run_bench <main class> [arguments...]
run_bench() {
  local main="$1"
  shift
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$root"

  # Maven 3.8 prints colour resets even in batch mode; keep the figures clean
  strip_ansi() { sed -u 's/\x1b\[[0-9;]*m//g'; }

  if [[ ! -x karaf-assembly/target/assembly/bin/karaf ]]; then
    echo "bench: building the distribution (mvn -B -DskipTests install)"
    mvn -B -q -DskipTests install 2>&1 | strip_ansi
  fi

  mvn -B -q -f bench/pom.xml compile dependency:build-classpath 2>&1 | strip_ansi

  local java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  exec "$java_cmd" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    "$main" "--assembly=$root/karaf-assembly/target/assembly" "$@"
}
