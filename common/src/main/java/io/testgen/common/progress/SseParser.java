package io.testgen.common.progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a {@code text/event-stream} the way a browser's {@code EventSource} does: fields {@code
 * id}, {@code event} and {@code data} (one leading space dropped; several {@code data} lines joined
 * with a newline), a blank line ends a message, a line starting with a colon is a comment. The CLI
 * follows a run's progress with it; the gateway's and the end-to-end tests read their streams with
 * it.
 */
public final class SseParser {
  private SseParser() {}

  /**
   * One message: a comment (keep-alive; only {@code comment} set), or an event with its id, name
   * and data (each null when the message had none).
   */
  public record Message(String id, String event, String data, String comment) {
    public boolean isComment() {
      return comment != null;
    }
  }

  /** Reads messages until the stream ends or {@code handler} returns false. */
  public static void read(InputStream body, Predicate<Message> handler) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      read(lines, handler);
    }
  }

  /**
   * Reads messages from {@code lines} until they end or {@code handler} returns false; the reader
   * is left open.
   */
  public static void read(BufferedReader lines, Predicate<Message> handler) throws IOException {
    String id = null;
    String event = null;
    StringBuilder data = null;
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        if ((event != null || data != null)
            && !handler.test(new Message(id, event, data == null ? null : data.toString(), null)))
          return;
        id = null;
        event = null;
        data = null;
      } else if (line.startsWith(":")) {
        if (!handler.test(new Message(null, null, null, line.substring(1)))) return;
      } else {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) value = value.substring(1);
        switch (field) {
          case "id" -> id = value;
          case "event" -> event = value;
          case "data" ->
              data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          default -> {} // unknown fields are ignored, as the spec says
        }
      }
    }
  }
}
