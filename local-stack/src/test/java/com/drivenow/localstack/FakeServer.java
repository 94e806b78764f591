package com.drivenow.localstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A stand-in server process for the launcher's tests: answers {@code GET /health} with 200 on SERVER_PORT. */
public final class FakeServer {

    private FakeServer() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("UP".getBytes());
            exchange.close();
        });
        server.start();
        System.out.println("fake server up");
    }
}
