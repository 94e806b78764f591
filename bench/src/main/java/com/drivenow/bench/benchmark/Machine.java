package com.drivenow.bench.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: cores, memory, CPU model and the load at the time. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                + field("/proc/meminfo", "MemTotal") + " memory, CPU " + field("/proc/cpuinfo", "model name")
                + ", load average (1/5/15 min) at the end of the run " + firstLine("/proc/loadavg");
    }

    private static String field(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).getFirst();
        } catch (IOException e) {
            return "?";
        }
    }
}
