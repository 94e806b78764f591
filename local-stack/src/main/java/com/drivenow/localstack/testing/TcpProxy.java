package com.drivenow.localstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real server that a test can cut and restore, to create a network
 * failure (broker or database "down") without stopping a server other tests share. Cutting closes
 * every open connection and refuses new ones; restoring accepts again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private Thread acceptor;
    private final int port;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = bind(0);
        this.port = listener.getLocalPort();
        this.acceptor = acceptOn(listener);
    }

    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    public int port() {
        return port;
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket closing = listener;
        listener = null;
        closeQuietly(closing);
        joinQuietly(acceptor);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public synchronized void restore() {
        if (listener == null) {
            listener = bind(port);
            acceptor = acceptOn(listener);
        }
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Proxy cannot listen on " + port, e);
        }
    }

    private Thread acceptOn(ServerSocket socket) {
        return Thread.ofVirtual().name("proxy-accept-" + port).start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    if (listener != socket) {
                        // accepted while being cut: a closed listener must not let anyone through
                        closeQuietly(client);
                        return;
                    }
                    Socket upstream = connectUpstreamOrClose(client);
                    if (upstream == null) {
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // the listener was closed by cut()
                }
            }
        });
    }

    private Socket connectUpstreamOrClose(Socket client) {
        try {
            return new Socket(targetHost, targetPort);
        } catch (IOException e) {
            closeQuietly(client);
            return null;
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away; close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void joinQuietly(Thread thread) {
        try {
            if (thread != null) {
                thread.join(java.time.Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closing on purpose
        }
    }

    @Override
    public void close() {
        cut();
    }
}
