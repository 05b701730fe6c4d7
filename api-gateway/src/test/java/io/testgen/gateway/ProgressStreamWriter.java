package io.testgen.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressStreams;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.commands.StreamCommands;

/** Appends progress events to a run's stream as the worker does: the gateway tests' one writer. */
final class ProgressStreamWriter {
  private ProgressStreamWriter() {}

  /** Appends {@code event} to its run's stream; the entry id. */
  static String append(StreamCommands redis, ProgressEvent event) {
    try {
      return redis
          .xadd(
              ProgressStreams.key(event.workflowId()),
              StreamEntryID.NEW_ENTRY,
              Map.of(ProgressStreams.FIELD, JsonMapperFactory.shared().writeValueAsString(event)))
          .toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
