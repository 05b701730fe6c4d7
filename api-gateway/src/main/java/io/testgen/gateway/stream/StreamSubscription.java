package io.testgen.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One SSE client watching one run. Entries are delivered strictly after the client's cursor (the
 * last entry id accepted, or {@code Last-Event-ID}), so replay, follow and reconnect never gap or
 * repeat; the response ends after the terminal event.
 *
 * <p>The replay is sent on the subscribing request's thread. Once {@link #follow followed}, events
 * go through a small bounded queue drained by a shared executor, so a client that reads slowly
 * blocks only its own drain, never the hub's reader. A client whose queue overflows is dropped: its
 * response ends once the blocked write returns, and it resumes with {@code Last-Event-ID}.
 */
final class StreamSubscription {
  private static final Logger log = LoggerFactory.getLogger(StreamSubscription.class);

  private final String workflowId;
  private final SseEmitter emitter;
  private final ObjectMapper mapper;
  private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
  private StreamEntryID cursor;
  private Executor drainer;
  private int capacity;
  private Consumer<String> onDrop = reason -> {};
  private boolean draining;
  private boolean ending;
  private volatile boolean closed;
  private boolean dropped;
  private volatile long sendStartedNanos;
  private volatile Instant lastActivity = Instant.now();

  StreamSubscription(
      String workflowId, SseEmitter emitter, ObjectMapper mapper, StreamEntryID cursor) {
    this.workflowId = workflowId;
    this.emitter = emitter;
    this.mapper = mapper;
    this.cursor = cursor;
  }

  /** An event to send; {@code event == null} ends the response without one (overflow). */
  private record Outbound(SseEmitter.SseEventBuilder event, boolean terminal, boolean keepalive) {}

  /**
   * From now on, events are queued (at most {@code capacity}) and sent by {@code drainer}; {@code
   * onDrop} hears the reason when the client is dropped.
   */
  synchronized void follow(Executor drainer, int capacity, Consumer<String> onDrop) {
    this.drainer = drainer;
    this.capacity = capacity;
    this.onDrop = onDrop;
  }

  String workflowId() {
    return workflowId;
  }

  synchronized StreamEntryID cursor() {
    return cursor;
  }

  boolean closed() {
    return closed;
  }

  /** Over, and no write to the client in progress: nothing left to watch for a stall. */
  boolean settled() {
    return closed && sendStartedNanos == 0 && !draining();
  }

  private synchronized boolean draining() {
    return draining;
  }

  Instant lastActivity() {
    return lastActivity;
  }

  /** Sends the entries after the cursor, in order; false once the subscription is over. */
  synchronized boolean deliver(List<StreamEntry> entries) {
    for (StreamEntry entry : entries) {
      if (closed || ending) return false;
      if (entry.getID().compareTo(cursor) <= 0) continue;
      cursor = entry.getID();
      String json = entry.getFields().get(ProgressStreams.FIELD);
      String type = typeOf(json);
      if (type == null) {
        log.warn(
            "event=stream_entry_skipped workflow_id={} entry_id={} reason=unreadable",
            workflowId,
            entry.getID());
        continue;
      }
      boolean terminal = ProgressEventType.fromWire(type).terminal();
      if (!offer(
          new Outbound(
              SseEmitter.event().id(entry.getID().toString()).name(type).data(json),
              terminal,
              false))) {
        return false;
      }
      lastActivity = Instant.now(); // of the last event, keepalives aside
      if (terminal) return false;
    }
    return !closed && !ending;
  }

  /** Sends now (before following) or queues for the drain; false once the subscription is over. */
  private boolean offer(Outbound outbound) {
    if (closed || ending) return false;
    if (drainer == null) {
      if (!send(outbound.event())) return false;
      if (outbound.terminal()) finish();
      return true;
    }
    if (outbound.keepalive() && !queue.isEmpty()) return true; // a backlog needs no keepalive
    if (!outbound.keepalive() && queue.size() >= capacity) {
      overflow();
      return false;
    }
    queue.add(outbound);
    if (outbound.terminal()) ending = true;
    startDrain();
    return true;
  }

  /** Drops the client when a write to it has been blocked longer than {@code stall}. */
  synchronized void dropIfStalled(Duration stall) {
    long started = sendStartedNanos;
    // Also when already closed (run ended, or removed as a watcher) with a write still blocked.
    if (dropped || started == 0 || System.nanoTime() - started < stall.toNanos()) return;
    dropped = true;
    log.info("event=stream_client_dropped workflow_id={} reason=stalled_write", workflowId);
    drop("stalled_write");
  }

  /** Drops a client that lags too far behind; its response ends after the write in progress. */
  private void overflow() {
    log.info(
        "event=stream_client_dropped workflow_id={} reason=slow_client queued={}",
        workflowId,
        queue.size());
    drop("slow_client");
    startDrain();
  }

  /** Over: nothing more is queued but the end of the response. */
  private void drop(String reason) {
    closed = true;
    ending = true;
    queue.clear();
    queue.add(new Outbound(null, true, false));
    onDrop.accept(reason);
  }

  private void startDrain() {
    if (draining) return;
    draining = true;
    try {
      drainer.execute(this::drain);
    } catch (RejectedExecutionException saturated) {
      draining = false;
      closed = true;
      queue.clear();
      emitter.complete();
    }
  }

  /** Sends queued events in order, outside the lock: a blocked write holds only this thread. */
  private void drain() {
    while (true) {
      Outbound next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      sendStartedNanos = System.nanoTime();
      boolean sent = next.event() == null || send(next.event());
      sendStartedNanos = 0;
      if (!sent || next.terminal()) {
        synchronized (this) {
          queue.clear();
          draining = false;
        }
        if (sent) finish();
        return;
      }
    }
  }

  /** Sends a terminal event that no stream entry carries (the run closed, its stream is gone). */
  /**
   * Sends an event rebuilt from the run's Temporal history (its stream is gone): no id, since no
   * stream entry backs it; the stream goes on to the terminal event.
   */
  synchronized void deliverRebuilt(ProgressEvent event) {
    if (closed || ending) return;
    try {
      String json = mapper.writeValueAsString(event);
      offer(
          new Outbound(SseEmitter.event().name(event.type().wireName()).data(json), false, false));
    } catch (IOException e) {
      fail();
    }
  }

  synchronized void deliverSynthesized(ProgressEvent event) {
    if (closed || ending) return;
    try {
      String json = mapper.writeValueAsString(event);
      offer(new Outbound(SseEmitter.event().name(event.type().wireName()).data(json), true, false));
    } catch (IOException e) {
      fail();
    }
  }

  synchronized void keepalive() {
    offer(new Outbound(SseEmitter.event().comment("keepalive"), false, true));
  }

  private boolean send(SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
      return true;
    } catch (IOException | IllegalStateException gone) {
      fail();
      return false;
    }
  }

  /** Whether {@code entry} carries a terminal event (the stream is over after it). */
  boolean isTerminal(StreamEntry entry) {
    String type = typeOf(entry.getFields().get(ProgressStreams.FIELD));
    return type != null && ProgressEventType.fromWire(type).terminal();
  }

  /** Ends the response without another event (the client already has the terminal one). */
  synchronized void complete() {
    if (closed || ending) return;
    finish();
  }

  private String typeOf(String json) {
    if (json == null) return null;
    try {
      JsonNode node = mapper.readTree(json);
      String type = node.path("type").asText(null);
      if (type == null) return null;
      ProgressEventType.fromWire(type);
      return type;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private void finish() {
    closed = true;
    try {
      emitter.complete();
    } catch (RuntimeException ignored) {
      // Already completed.
    }
  }

  /** The client went away or the stream cannot continue. */
  void fail() {
    finish();
  }

  /** Called from the emitter's completion callbacks. */
  void markClosed() {
    closed = true;
  }
}
