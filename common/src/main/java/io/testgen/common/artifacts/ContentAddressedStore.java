package io.testgen.common.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The artifact store's content-addressed part, shared by workers (which write agents' results) and
 * gateways (which read them back for {@code /results}): records as JSON under their SHA-256, read
 * back only if the bytes still hash to the reference. Writing the same content twice (a retried
 * activity) finds it in place and changes nothing. Thread-safe: every write is a whole-file atomic
 * move of identical bytes.
 */
public final class ContentAddressedStore {
  private final Path root;
  private final ObjectMapper json = JsonMapperFactory.shared();

  /**
   * @param root the artifact store's root directory ({@link ArtifactPaths#ROOT_ENV})
   */
  public ContentAddressedStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Stores {@code value} as JSON and returns its reference. */
  public ArtifactRef putJson(Object value) {
    try {
      return put(json.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  /** Reads a record stored by {@link #putJson}, verified against {@code ref}. */
  public <T> T getJson(ArtifactRef ref, Class<T> type) {
    try {
      return json.readValue(get(ref), type);
    } catch (IOException e) {
      throw new ArtifactIntegrityException("artifact " + ref.sha256() + " is not a " + type, e);
    }
  }

  /** Stores {@code bytes} under their hash; idempotent. */
  public ArtifactRef put(byte[] bytes) {
    ArtifactRef ref = new ArtifactRef(sha256(bytes), bytes.length);
    Path target = path(ref);
    try {
      if (Files.exists(target) && matches(Files.readAllBytes(target), ref)) return ref;
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
      try {
        Files.write(tmp, bytes);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return ref;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write artifact " + ref.sha256(), e);
    }
  }

  /**
   * The bytes of {@code ref}; throws {@link ArtifactIntegrityException} when they are missing or no
   * longer hash to the reference.
   */
  public byte[] get(ArtifactRef ref) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path(ref));
    } catch (NoSuchFileException e) {
      throw new ArtifactIntegrityException(
          "artifact " + ref.sha256() + " is missing from the store (" + root + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + ref.sha256(), e);
    }
    if (!matches(bytes, ref)) {
      throw new ArtifactIntegrityException(
          "artifact "
              + ref.sha256()
              + " does not match its reference: "
              + bytes.length
              + " bytes hashing to "
              + sha256(bytes)
              + ", expected "
              + ref.sizeBytes()
              + " bytes");
    }
    return bytes;
  }

  /** Where {@code ref}'s bytes live. */
  public Path path(ArtifactRef ref) {
    return root.resolve(ArtifactPaths.object(ref.sha256()));
  }

  private static boolean matches(byte[] bytes, ArtifactRef ref) {
    return bytes.length == ref.sizeBytes() && sha256(bytes).equals(ref.sha256());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
