package io.testgen.gateway.runs;

import io.temporal.client.WorkflowExecutionMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gateway writes into a run's Temporal memo when it starts it, and reads back: built in
 * one place so every start records the same keys.
 *
 * @param owner the user the run belongs to (also the {@code Owner} search attribute)
 * @param targetUrl the run's target URL
 * @param kind the endpoint that started it: generate, improve, observation, requirements ...
 * @param stage for a single-stage run, that stage; else null
 * @param source the earlier run whose results it continues (baseline or stage input); else null
 * @param requestHash for an idempotent start, the hash of what was asked (see {@link
 *     RequestFingerprint}); else null
 */
record RunMemo(
    String owner, String targetUrl, String kind, String stage, String source, String requestHash) {
  static final String OWNER = "owner";
  static final String TARGET_URL = "target_url";
  static final String KIND = "kind";
  static final String STAGE = "stage";
  static final String SOURCE = "source_workflow_id";
  static final String REQUEST_HASH = "request_hash";

  Map<String, Object> toMap() {
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put(OWNER, owner);
    memo.put(TARGET_URL, targetUrl);
    memo.put(KIND, kind);
    if (stage != null) memo.put(STAGE, stage);
    if (source != null) memo.put(SOURCE, source);
    if (requestHash != null) memo.put(REQUEST_HASH, requestHash);
    return memo;
  }

  /** One memo entry of a described run, null when absent or unreadable. */
  static String read(WorkflowExecutionMetadata metadata, String key) {
    try {
      Object value = metadata.getMemo(key, String.class);
      return value == null ? null : value.toString();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
