package io.testgen.cli;

import io.testgen.common.progress.SseParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * A text/event-stream as the CLI sees it: {@link SseEvent}s read by the one {@link SseParser};
 * comments (keep-alives) and messages with neither an event name nor data are skipped.
 */
final class SseReader {
  private SseReader() {}

  /** Reads events until the stream ends or {@code handler} returns false. */
  static void read(BufferedReader in, Predicate<SseEvent> handler) throws IOException {
    SseParser.read(
        in,
        m -> {
          String data = m.data() == null ? "" : m.data();
          if (m.isComment() || (m.event() == null && data.isEmpty())) return true;
          return handler.test(
              new SseEvent(m.id(), m.event() == null ? "message" : m.event(), data));
        });
  }
}
