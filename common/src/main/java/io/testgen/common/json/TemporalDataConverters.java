package io.testgen.common.json;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.testgen.common.security.SecretPayloadCodec;
import java.util.List;

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
   * JSON, with {@code encryption} applied to the payloads that carry secrets, or to every payload
   * when {@code TESTGEN_PAYLOAD_ENCRYPTION=all} (null codec: JSON only).
   */
  public static DataConverter withCodec(PayloadCodec encryption) {
    return withCodec(encryption, "all".equalsIgnoreCase(System.getenv(ENCRYPTION_MODE_ENV)));
  }

  public static DataConverter withCodec(PayloadCodec encryption, boolean encryptAll) {
    DataConverter json = json();
    return encryption == null
        ? json
        : new CodecDataConverter(json, List.of(new SecretPayloadCodec(encryption, encryptAll)));
  }
}
