package io.testgen.testkit.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers that must be told their port get one that works, and a taken port is detected. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisServerTest {

  @Test
  void serversStartedTogetherEachGetTheirOwnPortAndARestartKeepsIt() throws Exception {
    List<RedisServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) servers.add(RedisServer.start());
      assertThat(servers.stream().map(RedisServer::port).distinct()).hasSize(3);
      for (RedisServer server : servers) assertThat(ping(server.port())).isEqualTo("+PONG");
      RedisServer first = servers.get(0);
      int port = first.port();
      first.restart();
      assertThat(first.port()).isEqualTo(port);
      assertThat(ping(port)).isEqualTo("+PONG");
    } finally {
      servers.forEach(RedisServer::close);
    }
  }

  @Test
  void aServerWhosePortIsTakenExitsEarlyRatherThanPassingForReady() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () ->
                  ManagedProcess.startListening(
                      "redis-server",
                      taken.getLocalPort(),
                      port ->
                          List.of(
                              "redis-server",
                              "--port",
                              String.valueOf(port),
                              "--bind",
                              "127.0.0.1",
                              "--save",
                              "",
                              "--appendonly",
                              "no"),
                      java.util.Map.of(),
                      Path.of("target", "servers", "redis-taken-" + taken.getLocalPort() + ".log"),
                      RedisServer.READY,
                      Duration.ofSeconds(20)))
          .isInstanceOf(ManagedProcess.ExitedEarly.class)
          .hasMessageContaining("Address already in use");
    }
  }

  @Test
  void aRefusingPortRefusesAndCannotBeTaken() throws Exception {
    try (LoopbackPorts.Refusing refusing = LoopbackPorts.refusing()) {
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(
                      new InetSocketAddress(InetAddress.getLoopbackAddress(), refusing.port()),
                      2_000);
                }
              })
          .isInstanceOf(java.net.ConnectException.class);
      assertThatThrownBy(
              () -> new ServerSocket(refusing.port(), 1, InetAddress.getLoopbackAddress()).close())
          .isInstanceOf(java.net.BindException.class);
    }
  }

  private static String ping(int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\r' && c >= 0; c = in.read()) line.append((char) c);
      return line.toString();
    }
  }
}
