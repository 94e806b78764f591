package com.drivenow.bench.system;

/**
 * One process of a server: its role and its number among the processes of that role (1, 2, ...).
 * Instances of a role share the role's database and the system's messaging namespace.
 */
public record Instance(Server server, int number) {

    public Instance {
        if (number < 1) {
            throw new IllegalArgumentException("instances are numbered from 1: " + number);
        }
    }

    /** The instance the other servers and the clients talk to. */
    public static Instance first(Server server) {
        return new Instance(server, 1);
    }

    /** {@code inventory-server-2}: for logs and messages. */
    public String name() {
        return server.module() + "-" + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
