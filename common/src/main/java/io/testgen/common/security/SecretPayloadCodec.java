package io.testgen.common.security;

import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;

/**
 * Encrypts the payloads that carry secrets and leaves the rest readable, so operators still see
 * summaries, memos, inputs and results in the Temporal UI while credentials never sit in history in
 * plain text. With {@code encryptAll} every payload is encrypted (then the UI needs a codec
 * server). Decoding always decrypts whatever is encrypted.
 */
public final class SecretPayloadCodec implements PayloadCodec {
  /** Metadata key set by {@code SecretMarkingPayloadConverter} on payloads of secret holders. */
  public static final String SECRET_MARKER = "testgen-secret";

  private final PayloadCodec encryption;
  private final boolean encryptAll;

  public SecretPayloadCodec(PayloadCodec encryption, boolean encryptAll) {
    this.encryption = encryption;
    this.encryptAll = encryptAll;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream()
        .map(
            p ->
                encryptAll || p.containsMetadata(SECRET_MARKER)
                    ? encryption.encode(List.of(p)).get(0)
                    : p)
        .toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return encryption.decode(payloads);
  }
}
