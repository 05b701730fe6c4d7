package io.testgen.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.testgen.common.security.CarriesSecrets;
import io.testgen.common.security.SecretPayloadCodec;
import java.util.Optional;

/** JSON payloads, marked for encryption when the value {@link CarriesSecrets}. */
final class SecretMarkingPayloadConverter extends JacksonJsonPayloadConverter {
  private static final ByteString YES = ByteString.copyFromUtf8("1");

  SecretMarkingPayloadConverter(ObjectMapper mapper) {
    super(mapper);
  }

  @Override
  public Optional<Payload> toData(Object value) {
    Optional<Payload> payload = super.toData(value);
    if (payload.isPresent() && value instanceof CarriesSecrets holder && holder.carriesSecrets()) {
      return Optional.of(
          payload.get().toBuilder().putMetadata(SecretPayloadCodec.SECRET_MARKER, YES).build());
    }
    return payload;
  }
}
