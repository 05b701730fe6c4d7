package io.testgen.gateway.config;

import io.testgen.common.security.AesGcmPayloadCodec;
import java.util.Optional;

/** The payload codec when {@code TESTGEN_PAYLOAD_KEYS} is set; empty otherwise. */
public record PayloadEncryption(Optional<AesGcmPayloadCodec> codec) {
  public boolean enabled() {
    return codec.isPresent();
  }
}
