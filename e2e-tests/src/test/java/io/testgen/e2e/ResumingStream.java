package io.testgen.e2e;

import io.testgen.common.progress.ProgressEventType;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a run's stream the way a browser's EventSource does: when the connection drops or the
 * gateway answers 503 (progress unavailable while Redis is down), it connects again after a second
 * with the last event's id as {@code Last-Event-ID}, until the terminal event.
 */
final class ResumingStream {
  private final GatewayHttp gateway;
  private final List<GatewayHttp.Event> events = new ArrayList<>();
  private int connections;

  ResumingStream(GatewayHttp gateway) {
    this.gateway = gateway;
  }

  /** Every event received, in order of arrival, over all connections. */
  List<GatewayHttp.Event> follow(String workflowId, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!ended()) {
      if (Instant.now().isAfter(deadline))
        throw new AssertionError("no terminal event within " + timeout + ": " + events);
      connections++;
      String last = events.isEmpty() ? null : events.get(events.size() - 1).id();
      try {
        gateway.stream(workflowId, last, (event, at) -> record(event));
      } catch (UncheckedIOException dropped) {
        // the connection broke: resume after the last event
      } catch (AssertionError refused) {
        if (!refused.getMessage().startsWith("stream answered 503")) throw refused;
      }
      if (!ended()) TestGenStack.sleep(1000);
    }
    return List.copyOf(events);
  }

  private synchronized void record(GatewayHttp.Event event) {
    events.add(event);
  }

  private synchronized boolean ended() {
    return !events.isEmpty()
        && ProgressEventType.fromWire(events.get(events.size() - 1).type()).terminal();
  }

  /** Connections opened, the first included. */
  int connections() {
    return connections;
  }
}
