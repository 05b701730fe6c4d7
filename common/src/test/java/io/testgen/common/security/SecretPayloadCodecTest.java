package io.testgen.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.workflow.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SecretPayloadCodecTest {
  static final AesGcmPayloadCodec AES =
      new AesGcmPayloadCodec(
          Map.of("k1", Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")),
          "k1");

  /** A request that carries a login: the payload the codec must encrypt. */
  static GenerationRequest withCredentials() {
    return GenerationRequest.of("https://shop.example.com/")
        .with(
            r -> {
              r.maxDepth = 2;
              r.maxPages = 10;
              r.owner = "alice";
              r.loginCredentials =
                  new LoginCredentials("alice@example.com", "pw-very-secret", null);
            });
  }

  @Test
  void encryptsOnlyThePayloadsThatCarrySecrets() {
    DataConverter converter = TemporalDataConverters.withCodec(AES, false);

    Payloads secret = converter.toPayloads(withCredentials()).orElseThrow();
    assertThat(secret.getPayloads(0).getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(secret.getPayloads(0).getData().toString(StandardCharsets.ISO_8859_1))
        .doesNotContain("pw-very-secret");

    Payloads readable =
        converter.toPayloads(GenerationRequest.of("https://shop.example.com/")).orElseThrow();
    assertThat(readable.getPayloads(0).getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("json/plain");
    assertThat(readable.getPayloads(0).getData().toStringUtf8())
        .contains("\"url\":\"https://shop.example.com/\"");

    assertThat(
            converter
                .fromPayloads(
                    0, Optional.of(secret), GenerationRequest.class, GenerationRequest.class)
                .loginCredentials()
                .password())
        .isEqualTo("pw-very-secret");
    assertThat(
            converter
                .fromPayloads(
                    0, Optional.of(readable), GenerationRequest.class, GenerationRequest.class)
                .url())
        .isEqualTo("https://shop.example.com/");
  }

  @Test
  void encryptsEverythingWhenAskedTo() {
    DataConverter converter = TemporalDataConverters.withCodec(AES, true);
    Payloads payloads =
        converter.toPayloads(GenerationRequest.of("https://shop.example.com/")).orElseThrow();
    assertThat(payloads.getPayloads(0).getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(
            converter
                .fromPayloads(
                    0, Optional.of(payloads), GenerationRequest.class, GenerationRequest.class)
                .url())
        .isEqualTo("https://shop.example.com/");
  }
}
