package io.testgen.common.security;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts every Temporal payload with AES-256-GCM so that inputs such as login credentials never
 * sit in Temporal's history in plain text. Client (gateway) and worker must use the same keys.
 *
 * <p>Each encoded payload carries metadata {@code encoding = binary/encrypted} and {@code
 * encryption-key-id}; its data is a random 12-byte nonce followed by the GCM ciphertext (with tag)
 * of the original payload's protobuf bytes. The key id is also bound as additional authenticated
 * data, so a payload cannot be re-labelled to another key. Keys rotate by adding a new key and
 * making it current: payloads are encrypted with the current key and decrypted with whichever known
 * key they name. Payloads without the encrypted encoding pass through unchanged, so history written
 * before encryption was enabled stays readable.
 *
 * <p>Configuration ({@link #fromEnvironment}): {@code TESTGEN_PAYLOAD_KEYS} = comma-separated
 * {@code keyId=base64(32 bytes)}; {@code TESTGEN_PAYLOAD_KEY_ID} = the current key id (default: the
 * first listed).
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
  /** Environment variable listing the keys. */
  public static final String KEYS_ENV = "TESTGEN_PAYLOAD_KEYS";

  /** Environment variable naming the key used for encryption. */
  public static final String CURRENT_KEY_ENV = "TESTGEN_PAYLOAD_KEY_ID";

  public static final String ENCODING = "binary/encrypted";
  public static final String METADATA_KEY_ID = "encryption-key-id";

  private static final String METADATA_ENCODING = "encoding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKey> keys;
  private final String currentKeyId;

  /**
   * @param keys AES-256 keys (32 bytes each) by key id
   * @param currentKeyId the key id that encrypts; must be in {@code keys}
   */
  public AesGcmPayloadCodec(Map<String, byte[]> keys, String currentKeyId) {
    if (keys.isEmpty()) throw new IllegalArgumentException("no payload keys");
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException(
          "current payload key id is not configured: " + currentKeyId);
    }
    Map<String, SecretKey> copy = new LinkedHashMap<>();
    keys.forEach(
        (id, bytes) -> {
          if (id.isBlank()) throw new IllegalArgumentException("blank payload key id");
          if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "payload key " + id + " must be 32 bytes (AES-256), got " + bytes.length);
          }
          copy.put(id, new SecretKeySpec(bytes.clone(), "AES"));
        });
    this.keys = Map.copyOf(copy);
    this.currentKeyId = currentKeyId;
  }

  /**
   * The codec configured by {@code TESTGEN_PAYLOAD_KEYS} / {@code TESTGEN_PAYLOAD_KEY_ID}, or empty
   * when no key is configured. Throws {@link IllegalArgumentException} for a malformed
   * configuration (a process must not start with half-configured encryption).
   */
  public static Optional<AesGcmPayloadCodec> fromEnvironment(Map<String, String> env) {
    String spec = env.getOrDefault(KEYS_ENV, "");
    if (spec == null || spec.isBlank()) return Optional.empty();
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String entry = part.trim();
      if (entry.isEmpty()) continue;
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(KEYS_ENV + " entries must be keyId=base64key");
      }
      String id = entry.substring(0, eq).trim();
      byte[] key;
      try {
        key = Base64.getDecoder().decode(entry.substring(eq + 1).trim());
      } catch (IllegalArgumentException e) {
        // Never echo the key material itself.
        throw new IllegalArgumentException(KEYS_ENV + " key " + id + " is not valid base64");
      }
      keys.put(id, key);
    }
    if (keys.isEmpty()) return Optional.empty();
    String current = env.get(CURRENT_KEY_ENV);
    if (current == null || current.isBlank()) current = keys.keySet().iterator().next();
    return Optional.of(new AesGcmPayloadCodec(keys, current.trim()));
  }

  /** A new random 32-byte key, base64, for launchers that generate a local key. */
  public static String generateKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload payload : payloads) out.add(encrypt(payload));
    return out;
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload payload : payloads) out.add(decrypt(payload));
    return out;
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(payload.toByteArray());
      byte[] data = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, data, NONCE_BYTES, sealed.length);
      return Payload.newBuilder()
          .putMetadata(METADATA_ENCODING, ByteString.copyFromUtf8(ENCODING))
          .putMetadata(METADATA_KEY_ID, ByteString.copyFromUtf8(currentKeyId))
          .setData(ByteString.copyFrom(data))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("payload encryption failed", e);
    }
  }

  private Payload decrypt(Payload payload) {
    ByteString encoding = payload.getMetadataMap().get(METADATA_ENCODING);
    if (encoding == null || !ENCODING.equals(encoding.toStringUtf8())) return payload;
    ByteString keyIdBytes = payload.getMetadataMap().get(METADATA_KEY_ID);
    String keyId = keyIdBytes == null ? "" : keyIdBytes.toStringUtf8();
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new PayloadCodecException("payload encrypted with unknown key id " + keyId);
    }
    byte[] data = payload.getData().toByteArray();
    if (data.length <= NONCE_BYTES) {
      throw new PayloadCodecException("encrypted payload too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Payload.parseFrom(plain);
    } catch (GeneralSecurityException | com.google.protobuf.InvalidProtocolBufferException e) {
      throw new PayloadCodecException("payload decryption failed for key id " + keyId, e);
    }
  }
}
