package io.testgen.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One SSE client watching one run. Entries are delivered strictly after the client's cursor (the
 * last entry id sent, or {@code Last-Event-ID}), so replay, follow and reconnect never gap or
 * repeat; the response ends after the terminal event.
 */
final class StreamSubscription {
  private static final Logger log = LoggerFactory.getLogger(StreamSubscription.class);

  private final String workflowId;
  private final SseEmitter emitter;
  private final ObjectMapper mapper;
  private StreamEntryID cursor;
  private volatile boolean closed;
  private volatile Instant lastActivity = Instant.now();

  StreamSubscription(
      String workflowId, SseEmitter emitter, ObjectMapper mapper, StreamEntryID cursor) {
    this.workflowId = workflowId;
    this.emitter = emitter;
    this.mapper = mapper;
    this.cursor = cursor;
  }

  String workflowId() {
    return workflowId;
  }

  String streamKey() {
    return ProgressStreams.key(workflowId);
  }

  synchronized StreamEntryID cursor() {
    return cursor;
  }

  boolean closed() {
    return closed;
  }

  Instant lastActivity() {
    return lastActivity;
  }

  /** Sends the entries after the cursor, in order; false once the subscription is over. */
  synchronized boolean deliver(List<StreamEntry> entries) {
    for (StreamEntry entry : entries) {
      if (closed) return false;
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
      if (!send(SseEmitter.event().id(entry.getID().toString()).name(type).data(json))) {
        return false;
      }
      touch();
      if (ProgressEventType.fromWire(type).terminal()) {
        finish();
        return false;
      }
    }
    return !closed;
  }

  /** Sends a terminal event that no stream entry carries (the run closed, its stream is gone). */
  synchronized void deliverSynthesized(ProgressEvent event) {
    if (closed) return;
    try {
      String json = mapper.writeValueAsString(event);
      if (send(SseEmitter.event().name(event.type().wireName()).data(json))) finish();
    } catch (IOException e) {
      fail();
    }
  }

  synchronized void keepalive() {
    if (!closed) send(SseEmitter.event().comment("keepalive"));
  }

  /** When the last event (not keepalive) was sent. */
  private void touch() {
    lastActivity = Instant.now();
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
    emitter.complete();
  }

  /** The client went away or the stream cannot continue. */
  void fail() {
    closed = true;
    try {
      emitter.complete();
    } catch (RuntimeException ignored) {
      // Already completed.
    }
  }

  /** Called from the emitter's completion callbacks. */
  void markClosed() {
    closed = true;
  }
}
