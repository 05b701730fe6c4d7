package io.testgen.common.json;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;

/**
 * The data converter every TestGen client and worker uses: TestGen's JSON mapping, optionally
 * wrapped in a payload codec (encryption). Client and worker must agree, so both build it here.
 */
public final class TemporalDataConverters {
  private TemporalDataConverters() {}

  /** JSON only, no codec. */
  public static DataConverter json() {
    return DefaultDataConverter.newDefaultInstance()
        .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(JsonMapperFactory.create()));
  }

  /** JSON, then the codec on every payload (null codec: JSON only). */
  public static DataConverter withCodec(PayloadCodec codec) {
    DataConverter json = json();
    return codec == null ? json : new CodecDataConverter(json, List.of(codec));
  }
}
