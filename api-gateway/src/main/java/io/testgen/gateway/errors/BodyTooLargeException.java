package io.testgen.gateway.errors;

import java.io.IOException;

/**
 * Thrown while reading a request body past the configured limit. An {@link IOException} so it
 * travels through message converters; the handler finds it in the cause chain and answers 413.
 */
public class BodyTooLargeException extends IOException {
  public BodyTooLargeException(long limit) {
    super("request body exceeds " + limit + " bytes");
  }
}
