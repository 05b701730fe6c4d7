package io.testgen.worker.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where screenshots, page snapshots and rendered suites live: a directory shared with the gateway.
 * Results carry paths relative to its root; nothing large goes into Temporal.
 */
public final class ArtifactStore {
  private final Path root;

  public ArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Absolute path of a relative reference; refuses references that escape the root. */
  public Path resolve(String ref) {
    Path path = root.resolve(ref).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("artifact reference escapes the store: " + ref);
    }
    return path;
  }

  /** Writes bytes atomically under {@code ref} and returns {@code ref}. */
  public String write(String ref, byte[] bytes) {
    Path target = resolve(ref);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return ref;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write artifact " + ref, e);
    }
  }

  public byte[] read(String ref) {
    try {
      return Files.readAllBytes(resolve(ref));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + ref, e);
    }
  }

  public boolean exists(String ref) {
    return Files.exists(resolve(ref));
  }
}
