# JVM options for the API (sourced by scripts/run.sh and bench/bench.sh). Override the whole set with
# ESTATEHUB_JAVA_OPTS. Sized for a small machine: the benchmark (README "Benchmark") keeps the java
# process under 400 MB RSS with these.
ESTATEHUB_JAVA_OPTS="${ESTATEHUB_JAVA_OPTS-}"
