package com.drivenow.bench.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's table: printed, and written to docs/PERFORMANCE.md with the machine it ran on. */
final class Report {

    private record Row(String measure, String value, String target) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String measure, String value, String target) {
        rows.add(new Row(measure, value, target));
        System.out.printf("%-58s %-34s %s%n", measure, value, target);
    }

    void write(Path file, String command, List<String> serverJavaOptions) {
        StringBuilder md = new StringBuilder("# DriveNow performance\n\n")
                .append("Measured ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                .append(" by `").append(command).append("`, every figure in one run on one machine, so ratios hold ")
                .append("even when the machine is noisy.\n\n")
                .append("Machine: ").append(Machine.describe()).append("\n\n")
                .append("Servers run as shipped").append(serverJavaOptions.isEmpty() ? "" : ", with the extra JVM options "
                        + String.join(" ", serverJavaOptions)).append(".\n\n")
                .append("| measure | value | target |\n|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(r.measure()).append(" | ").append(r.value()).append(" | ")
                .append(r.target()).append(" |\n"));
        try {
            Files.writeString(file, md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
