package io.testgen.gateway.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Maps every exception raised while handling a request to problem+json, once. Gateway exceptions
 * carry their own status and code; Spring's own exceptions get stable codes; anything else is a 500
 * {@code INTERNAL_ERROR} whose detail says nothing about internals (the log has the cause).
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  @ExceptionHandler(GatewayException.class)
  ResponseEntity<ProblemDetail> gateway(GatewayException e) {
    return ProblemResponses.entity(e);
  }

  /** A multipart body (no boundary, or any other): every operation takes JSON only. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(Exception e) {
    HttpStatus status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    return ProblemResponses.entity(status);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    StatusRuntimeException grpc = find(e, StatusRuntimeException.class);
    if (grpc != null && isUnavailable(grpc.getStatus())) {
      log.warn("event=temporal_unavailable status={}", grpc.getStatus().getCode());
      return ProblemResponses.entity(
          new UnavailableException("TEMPORAL_UNAVAILABLE", "the workflow service is unavailable"));
    }
    if (find(e, JedisException.class) != null) {
      log.warn("event=redis_unavailable error={}", e.getClass().getSimpleName());
      return ProblemResponses.entity(
          new UnavailableException("PROGRESS_UNAVAILABLE", "the progress store is unavailable"));
    }
    log.error("event=unexpected_error", e);
    return ProblemResponses.entity(
        ProblemResponses.problem(
            HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "internal error", null, null),
        null);
  }

  static boolean isUnavailable(Status status) {
    return status.getCode() == Status.Code.UNAVAILABLE
        || status.getCode() == Status.Code.DEADLINE_EXCEEDED;
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = toProblem(ex, status);
    HttpHeaders out = new HttpHeaders();
    if (headers != null) out.putAll(headers);
    out.remove(HttpHeaders.CONTENT_TYPE);
    ResponseEntity<ProblemDetail> entity = ProblemResponses.entity(problem, out);
    return new ResponseEntity<>(entity.getBody(), entity.getHeaders(), entity.getStatusCode());
  }

  private ProblemDetail toProblem(Exception ex, HttpStatusCode status) {
    if (ex instanceof MethodArgumentNotValidException invalid) {
      List<GatewayException.FieldError> errors = new ArrayList<>();
      invalid
          .getBindingResult()
          .getFieldErrors()
          .forEach(
              fe ->
                  errors.add(
                      new GatewayException.FieldError(
                          snakePath(fe.getField()), fe.getDefaultMessage())));
      invalid
          .getBindingResult()
          .getGlobalErrors()
          .forEach(ge -> errors.add(new GatewayException.FieldError(null, ge.getDefaultMessage())));
      errors.sort((a, b) -> String.valueOf(a.field()).compareTo(String.valueOf(b.field())));
      String field = errors.isEmpty() ? null : errors.get(0).field();
      String detail = errors.isEmpty() ? "invalid request" : field + ": " + errors.get(0).message();
      return ProblemResponses.problem(status, "INVALID_FIELD", detail, field, errors);
    }
    if (ex instanceof HandlerMethodValidationException) {
      return ProblemResponses.problem(status, "INVALID_FIELD", "invalid request", null, null);
    }
    if (ex instanceof HttpMessageNotReadableException unreadable) {
      if (find(unreadable, BodyTooLargeException.class) != null) {
        return ProblemResponses.problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            "request body too large",
            null,
            null);
      }
      JsonMappingException mapping = find(unreadable, JsonMappingException.class);
      if (mapping != null && !mapping.getPath().isEmpty()) {
        String field = jsonPath(mapping.getPath());
        boolean unknown = mapping instanceof UnrecognizedPropertyException;
        String message = unknown ? "unknown field" : expected(mapping);
        return ProblemResponses.problem(
            HttpStatus.BAD_REQUEST,
            unknown ? "UNKNOWN_FIELD" : "INVALID_FIELD",
            field + ": " + message,
            field,
            List.of(new GatewayException.FieldError(field, message)));
      }
      String detail =
          find(unreadable, JsonProcessingException.class) != null
              ? "request body is not valid JSON"
              : "request body is missing or unreadable";
      return ProblemResponses.problem(status, "MALFORMED_JSON", detail, null, null);
    }
    if (ex instanceof MissingServletRequestParameterException missing) {
      String field = missing.getParameterName();
      return ProblemResponses.problem(
          status,
          "INVALID_FIELD",
          field + ": required",
          field,
          List.of(new GatewayException.FieldError(field, "required")));
    }
    if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
      String field = mismatch.getName();
      return ProblemResponses.problem(
          HttpStatus.BAD_REQUEST,
          "INVALID_FIELD",
          field + ": invalid value",
          field,
          List.of(new GatewayException.FieldError(field, "invalid value")));
    }
    if (ex instanceof MissingRequestHeaderException header) {
      return ProblemResponses.problem(
          status, "INVALID_FIELD", "missing header " + header.getHeaderName(), null, null);
    }
    return ProblemResponses.problem(
        status, ProblemResponses.codeFor(status), ProblemResponses.detailFor(status), null, null);
  }

  /** What a field of the wrong JSON type should have been, in the client's words. */
  private static String expected(JsonMappingException mapping) {
    if (!(mapping instanceof MismatchedInputException mismatch)
        || mismatch.getTargetType() == null) {
      return "invalid value";
    }
    Class<?> type = mismatch.getTargetType();
    if (type == Boolean.class || type == boolean.class) return "must be true or false";
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class) {
      return "must be an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) return "must be a number";
    if (type == String.class) return "must be a string";
    if (java.util.Collection.class.isAssignableFrom(type)) return "must be an array";
    return "invalid value";
  }

  private static String snakePath(String javaPath) {
    StringBuilder out = new StringBuilder();
    for (String segment : javaPath.split("\\.")) {
      if (out.length() > 0) out.append('.');
      int bracket = segment.indexOf('[');
      String name = bracket < 0 ? segment : segment.substring(0, bracket);
      out.append(SNAKE.translate(name));
      if (bracket >= 0) out.append(segment.substring(bracket));
    }
    return out.toString();
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) out.append('.');
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return type.cast(t);
    }
    return null;
  }
}
