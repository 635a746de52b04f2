package dev.notebooks.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on the loopback interface for servers the tests start. */
public final class LocalPorts {

    private static final int CONNECT_TIMEOUT_MILLIS = 100;

    private LocalPorts() {}

    public static int free() {
        return free(1).get(0);
    }

    /** {@code count} distinct free ports: all are held open until all are chosen. */
    public static List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        } finally {
            held.forEach(LocalPorts::closeQuietly);
        }
    }

    /** Whether something accepts connections on {@code port} of the loopback interface. */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
    }
}
