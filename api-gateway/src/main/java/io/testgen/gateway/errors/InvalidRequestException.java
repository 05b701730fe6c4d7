package io.testgen.gateway.errors;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 400: the request is malformed or a field is invalid. */
public class InvalidRequestException extends GatewayException {
  private final List<FieldError> errors;

  public InvalidRequestException(String code, String message, String field) {
    super(HttpStatus.BAD_REQUEST, code, message, field);
    this.errors = super.errors();
  }

  public InvalidRequestException(String code, String message, List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, code, message, errors.isEmpty() ? null : errors.get(0).field());
    this.errors = List.copyOf(errors);
  }

  /** A field with an invalid value: code {@code INVALID_FIELD}. */
  public static InvalidRequestException field(String field, String message) {
    return new InvalidRequestException("INVALID_FIELD", message, field);
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }
}
