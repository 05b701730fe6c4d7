package io.testgen.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/** Parses a text/event-stream into {@link SseEvent}s (comments are keep-alives and skipped). */
final class SseReader {
  private SseReader() {}

  /** Reads events until the stream ends or {@code handler} returns false. */
  static void read(BufferedReader in, Predicate<SseEvent> handler) throws IOException {
    String id = null;
    String event = null;
    StringBuilder data = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (data.length() > 0 || event != null) {
          boolean more =
              handler.test(new SseEvent(id, event == null ? "message" : event, data.toString()));
          if (!more) return;
        }
        id = null;
        event = null;
        data.setLength(0);
      } else if (line.startsWith(":")) {
        // keep-alive comment
      } else {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) value = value.substring(1);
        switch (field) {
          case "id" -> id = value;
          case "event" -> event = value;
          case "data" -> {
            if (data.length() > 0) data.append('\n');
            data.append(value);
          }
          default -> {}
        }
      }
    }
  }
}
