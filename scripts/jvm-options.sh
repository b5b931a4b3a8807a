# JVM options for the API (sourced by scripts/run.sh and bench/bench.sh); set ESTATEHUB_JAVA_OPTS to
# replace them. Sized for a small machine (2 cores): a 256 MB heap with the serial collector (no
# concurrent GC threads competing for the two cores, and the smallest native overhead), bounded
# metaspace, code cache and thread stacks. bench/bench.sh measures the java process's RSS under load
# with these (bench/README.md).
ESTATEHUB_JAVA_OPTS="${ESTATEHUB_JAVA_OPTS--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError}"
