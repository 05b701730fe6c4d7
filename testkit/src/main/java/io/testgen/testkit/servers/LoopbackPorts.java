package io.testgen.testkit.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the few servers that cannot pick their own (port 0, read back, is the rule: fixture
 * servers, the gateway). Candidates come from below Linux's ephemeral range (32768–60999), so a
 * port the kernel hands to some other test's port-0 socket never collides with them; a collision
 * with another candidate is caught by {@link ManagedProcess#startListening}, which tries again.
 */
public final class LoopbackPorts {
  static final int FIRST = 20_000;
  static final int LAST = 32_000;

  private LoopbackPorts() {}

  /** A port nothing on loopback answers on right now (a candidate, not a reservation). */
  static int candidate() {
    for (int i = 0; i < 100; i++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
      if (!answers(port)) return port;
    }
    throw new IllegalStateException("no quiet loopback port in " + FIRST + ".." + LAST);
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /**
   * A loopback port that refuses connections for as long as it is held: a socket bound to it
   * without listening, so no server can take it meanwhile (unlike a port bound and closed again).
   */
  public static final class Refusing implements AutoCloseable {
    private final Socket socket;

    private Refusing(Socket socket) {
      this.socket = socket;
    }

    public int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing held any more
      }
    }
  }

  /** Holds a port on which every connection is refused; close it when done. */
  public static Refusing refusing() {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return new Refusing(socket);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // failed anyway
      }
      throw new UncheckedIOException(e);
    }
  }
}
