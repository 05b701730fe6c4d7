package io.testgen.worker.evolution;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.worker.artifacts.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests already verified in this run, kept in the artifact store ({@code
 * runs/<wf>/evolution-checkpoint.json}) rather than in heartbeat details, which must stay small. A
 * retried attempt takes them over instead of verifying them again.
 */
final class VerificationCheckpoint {
  private static final TypeReference<List<GeneratedTest>> TESTS = new TypeReference<>() {};

  private final ArtifactStore artifacts;
  private final String ref;
  private final ObjectMapper json = JsonMapperFactory.shared();
  private final Map<String, GeneratedTest> verified = new LinkedHashMap<>();

  VerificationCheckpoint(ArtifactStore artifacts, String workflowId) {
    this.artifacts = artifacts;
    this.ref = ref(workflowId);
  }

  static String ref(String workflowId) {
    return ArtifactPaths.runDir(workflowId) + "/evolution-checkpoint.json";
  }

  /** What an earlier attempt verified, by test id (empty when there was none). */
  synchronized Map<String, GeneratedTest> load() {
    if (!artifacts.exists(ref)) return Map.of();
    try {
      for (GeneratedTest t : json.readValue(artifacts.read(ref), TESTS))
        verified.put(t.testId(), t);
    } catch (IOException e) {
      return Map.of(); // a torn checkpoint only costs re-verification
    }
    return Map.copyOf(verified);
  }

  synchronized void record(GeneratedTest test) {
    verified.put(test.testId(), test);
    try {
      artifacts.write(ref, json.writeValueAsBytes(new ArrayList<>(verified.values())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
