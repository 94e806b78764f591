package com.drivenow.desk.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The known branches and their time zones (branches.properties); an unknown code gets the machine's zone. */
public final class BranchDirectory {

    private final Properties zones = new Properties();

    public BranchDirectory() {
        try (InputStream in = BranchDirectory.class.getResourceAsStream("/com/drivenow/desk/branches.properties")) {
            zones.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Branch branch(String code) {
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        String zone = zones.getProperty(normalised);
        return new Branch(normalised, zone == null ? ZoneId.systemDefault() : ZoneId.of(zone));
    }

    public List<String> codes() {
        return zones.stringPropertyNames().stream().sorted().toList();
    }
}
