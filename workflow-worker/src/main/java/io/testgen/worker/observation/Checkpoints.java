package io.testgen.worker.observation;

import io.testgen.common.artifacts.ArtifactIntegrityException;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.artifacts.ContentAddressedStore;
import io.testgen.worker.artifacts.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One observation attempt's crawl checkpoints, kept by reference: each heartbeat carries only the
 * {@link ArtifactRef} of a checkpoint stored content-addressed in the artifact store (a large
 * crawl's checkpoint runs to hundreds of KB, and Temporal keeps the last heartbeat's details in the
 * history when an attempt times out). A retried attempt reads it back, verified; one that is gone
 * or altered means starting afresh, not failing. The checkpoints an attempt wrote are deleted when
 * it completes; a failed or cancelled attempt leaves them for its retry.
 */
final class Checkpoints {
  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

  private final ContentAddressedStore store;
  private final Set<ArtifactRef> written = ConcurrentHashMap.newKeySet();

  Checkpoints(ArtifactStore artifacts) {
    this.store = new ContentAddressedStore(artifacts.root());
  }

  /** Stores {@code checkpoint} and returns the reference to heartbeat. */
  ArtifactRef save(CrawlCheckpoint checkpoint) {
    ArtifactRef ref = store.putJson(checkpoint);
    written.add(ref);
    return ref;
  }

  /** The checkpoint {@code ref} names, or null when it is gone or altered (start afresh). */
  CrawlCheckpoint load(String workflowId, ArtifactRef ref) {
    if (ref == null) return null;
    try {
      return store.getJson(ref, CrawlCheckpoint.class);
    } catch (ArtifactIntegrityException | UncheckedIOException e) {
      log.warn(
          "event=checkpoint_unusable workflow_id={} ref={} error={}",
          workflowId,
          ref.sha256(),
          e.getMessage());
      return null;
    }
  }

  /** Deletes the checkpoints this attempt wrote (it completed: no retry will read them). */
  void discard() {
    for (ArtifactRef ref : written) {
      try {
        Files.deleteIfExists(store.path(ref));
      } catch (IOException e) {
        log.debug("event=checkpoint_not_deleted ref={} error={}", ref.sha256(), e.getMessage());
      }
    }
    written.clear();
  }
}
