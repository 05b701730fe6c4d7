package io.testgen.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import io.testgen.common.json.TemporalDataConverters;
import io.testgen.common.workflow.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AesGcmPayloadCodecTest {
  private static final String KEY_A = AesGcmPayloadCodec.generateKey();
  private static final String KEY_B = AesGcmPayloadCodec.generateKey();

  private static Payload plain(String text) {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(text))
        .build();
  }

  @Test
  void encryptsWithCurrentKeyAndRoundTrips() {
    AesGcmPayloadCodec codec =
        AesGcmPayloadCodec.fromEnvironment(Map.of("TESTGEN_PAYLOAD_KEYS", "a=" + KEY_A)).get();
    Payload original = plain("{\"password\":\"hunter2-secret\"}");

    Payload encoded = codec.encode(List.of(original)).get(0);

    assertThat(encoded.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(encoded.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("a");
    assertThat(encoded.getData().toString(StandardCharsets.ISO_8859_1))
        .doesNotContain("hunter2-secret");
    assertThat(codec.decode(List.of(encoded))).containsExactly(original);
  }

  @Test
  void randomNoncePerPayload() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(Map.of("a", decode(KEY_A)), "a");
    Payload original = plain("same");
    Payload first = codec.encode(List.of(original)).get(0);
    Payload second = codec.encode(List.of(original)).get(0);
    assertThat(first.getData()).isNotEqualTo(second.getData());
    assertThat(first.getData().substring(0, 12)).isNotEqualTo(second.getData().substring(0, 12));
  }

  @Test
  void rotationDecryptsOldKeyAndEncryptsWithNew() {
    AesGcmPayloadCodec old = new AesGcmPayloadCodec(Map.of("a", decode(KEY_A)), "a");
    Payload underOld = old.encode(List.of(plain("old"))).get(0);

    AesGcmPayloadCodec rotated =
        AesGcmPayloadCodec.fromEnvironment(
                Map.of(
                    "TESTGEN_PAYLOAD_KEYS",
                    "a=" + KEY_A + ", b=" + KEY_B,
                    "TESTGEN_PAYLOAD_KEY_ID",
                    "b"))
            .get();

    assertThat(rotated.decode(List.of(underOld))).containsExactly(plain("old"));
    Payload underNew = rotated.encode(List.of(plain("new"))).get(0);
    assertThat(underNew.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("b");
    assertThatThrownBy(() -> old.decode(List.of(underNew)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("unknown key id b");
  }

  @Test
  void tamperedCiphertextOrRelabelledKeyIsRejected() {
    AesGcmPayloadCodec codec =
        new AesGcmPayloadCodec(Map.of("a", decode(KEY_A), "b", decode(KEY_A)), "a");
    Payload encoded = codec.encode(List.of(plain("x"))).get(0);
    byte[] data = encoded.getData().toByteArray();
    data[data.length - 1] ^= 1;
    Payload tampered = encoded.toBuilder().setData(ByteString.copyFrom(data)).build();
    assertThatThrownBy(() -> codec.decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class);
    // Same key bytes under another id: the key id is authenticated, so relabelling fails.
    Payload relabelled =
        encoded.toBuilder().putMetadata("encryption-key-id", ByteString.copyFromUtf8("b")).build();
    assertThatThrownBy(() -> codec.decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void unencryptedPayloadsPassThroughOnDecode() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(Map.of("a", decode(KEY_A)), "a");
    assertThat(codec.decode(List.of(plain("legacy")))).containsExactly(plain("legacy"));
  }

  @Test
  void environmentParsing() {
    assertThat(AesGcmPayloadCodec.fromEnvironment(Map.of())).isEqualTo(Optional.empty());
    assertThat(AesGcmPayloadCodec.fromEnvironment(Map.of("TESTGEN_PAYLOAD_KEYS", " ")))
        .isEqualTo(Optional.empty());
    assertThat(
            AesGcmPayloadCodec.fromEnvironment(
                    Map.of("TESTGEN_PAYLOAD_KEYS", "k1=" + KEY_A + ",k2=" + KEY_B))
                .get()
                .currentKeyId())
        .isEqualTo("k1");
    assertThatThrownBy(
            () -> AesGcmPayloadCodec.fromEnvironment(Map.of("TESTGEN_PAYLOAD_KEYS", "k1=abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(
            () -> AesGcmPayloadCodec.fromEnvironment(Map.of("TESTGEN_PAYLOAD_KEYS", "nokey")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                AesGcmPayloadCodec.fromEnvironment(
                    Map.of("TESTGEN_PAYLOAD_KEYS", "k1=" + KEY_A, "TESTGEN_PAYLOAD_KEY_ID", "k9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k9");
  }

  @Test
  void dataConverterRoundTripsARequestWithCredentials() {
    AesGcmPayloadCodec codec = new AesGcmPayloadCodec(Map.of("a", decode(KEY_A)), "a");
    DataConverter converter = TemporalDataConverters.withCodec(codec, false);
    GenerationRequest request = SecretPayloadCodecTest.withCredentials();

    var payloads = converter.toPayloads(request).get();
    assertThat(payloads.toString()).doesNotContain("pw-very-secret");
    GenerationRequest back =
        converter.fromPayloads(
            0, Optional.of(payloads), GenerationRequest.class, GenerationRequest.class);
    assertThat(back).isEqualTo(request);
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64);
  }
}
