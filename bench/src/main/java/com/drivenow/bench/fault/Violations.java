package com.drivenow.bench.fault;

import java.util.ArrayList;
import java.util.List;

/** The invariants an audit found broken, one line each, with a few of the cases that broke it. */
final class Violations {

    private static final int EXAMPLES = 5;

    private final List<String> lines = new ArrayList<>();

    void add(String line) {
        lines.add(line);
    }

    /** Adds "N {@code what}: case; case; ..." when there are cases; returns how many there are. */
    long report(String what, List<String> cases) {
        if (!cases.isEmpty()) {
            String shown = String.join("; ", cases.subList(0, Math.min(EXAMPLES, cases.size())));
            lines.add(cases.size() + " " + what + ": " + shown + (cases.size() > EXAMPLES ? "; ..." : ""));
        }
        return cases.size();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
