package io.testgen.gateway.stream;

import io.testgen.common.progress.ProgressStreams;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** Reads a run's stored progress entries from a cursor on (XRANGE in batches, command pool). */
final class StreamHistory {
  private final RedisClient redis;

  StreamHistory(RedisClient redis) {
    this.redis = redis;
  }

  /** Every entry from {@code after} (inclusive) to the stream's end. */
  List<StreamEntry> readAfter(String workflowId, StreamEntryID after) {
    List<StreamEntry> all = new ArrayList<>();
    StreamEntryID from = after;
    while (true) {
      List<StreamEntry> batch =
          redis.xrange(
              ProgressStreams.key(workflowId),
              from,
              StreamEntryID.MAXIMUM_ID,
              StreamFollower.BATCH);
      all.addAll(batch);
      if (batch.size() < StreamFollower.BATCH) return all;
      from = batch.get(batch.size() - 1).getID();
    }
  }
}
