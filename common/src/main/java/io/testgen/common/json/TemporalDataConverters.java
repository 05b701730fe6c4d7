package io.testgen.common.json;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.testgen.common.security.SecretPayloadCodec;
import java.util.List;
import java.util.Map;

/**
 * The data converter every TestGen client and worker uses: TestGen's JSON mapping, optionally
 * wrapped in a payload codec (encryption). Client and worker must agree, so both build it here.
 */
public final class TemporalDataConverters {
  private TemporalDataConverters() {}

  /** Environment variable: {@code secrets} (default) or {@code all}. */
  public static final String ENCRYPTION_MODE_ENV = "TESTGEN_PAYLOAD_ENCRYPTION";

  /** JSON only, no codec. */
  public static DataConverter json() {
    return DefaultDataConverter.newDefaultInstance()
        .withPayloadConverterOverrides(
            new SecretMarkingPayloadConverter(JsonMapperFactory.create()));
  }

  /**
   * Whether {@code env} asks to encrypt every payload ({@code TESTGEN_PAYLOAD_ENCRYPTION=all})
   * rather than only those that carry secrets ({@code secrets}, the default).
   *
   * @throws IllegalArgumentException naming the variable for any other value
   */
  public static boolean encryptsAll(Map<String, String> env) {
    String mode = env.get(ENCRYPTION_MODE_ENV);
    if (mode == null || mode.isBlank() || mode.trim().equalsIgnoreCase("secrets")) return false;
    if (mode.trim().equalsIgnoreCase("all")) return true;
    throw new IllegalArgumentException(
        ENCRYPTION_MODE_ENV + " must be one of secrets, all, got '" + mode + "'");
  }

  /**
   * JSON, with {@code encryption} applied to the payloads that carry secrets, or to every payload
   * when {@code encryptAll} (null codec: JSON only).
   */
  public static DataConverter withCodec(PayloadCodec encryption, boolean encryptAll) {
    DataConverter json = json();
    return encryption == null
        ? json
        : new CodecDataConverter(json, List.of(new SecretPayloadCodec(encryption, encryptAll)));
  }
}
