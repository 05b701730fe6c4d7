package io.testgen.gateway;

import io.testgen.common.progress.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads an SSE response line by line on a thread of its own, as a browser would. */
final class SseClient implements AutoCloseable {
  /** One SSE message: a comment, or an event with id, name and data. */
  record Message(String id, String event, String data, String comment) {}

  static final Message END = new Message(null, null, null, null);

  final int status;
  final String contentType;
  private final InputStream body;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Thread reader;

  SseClient(String url, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
    try {
      HttpResponse<InputStream> response =
          Http.CLIENT.send(builder.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      contentType = response.headers().firstValue("Content-Type").orElse("");
      body = response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    reader = new Thread(this::read, "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try {
      SseParser.read(
          body,
          message -> {
            messages.add(
                new Message(message.id(), message.event(), message.data(), message.comment()));
            return true;
          });
    } catch (IOException closed) {
      // Stream closed by close().
    } finally {
      messages.add(END);
    }
  }

  /** The next message, or fails after the timeout. */
  Message next(Duration timeout) {
    try {
      Message message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) throw new AssertionError("no SSE message within " + timeout);
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next event (skipping comments). */
  Message nextEvent(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("no SSE event within " + timeout);
      Message message = next(Duration.ofNanos(left));
      if (message == END || message.comment() == null) return message;
    }
  }

  /** All events until the server ends the response. */
  List<Message> eventsUntilEnd(Duration timeout) {
    List<Message> events = new ArrayList<>();
    while (true) {
      Message message = nextEvent(timeout);
      if (message == END) return events;
      events.add(message);
    }
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // Already closed.
    }
    reader.interrupt();
  }
}
