package io.testgen.gateway.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one error model: {@code application/problem+json} with {@code type}, {@code title}, {@code
 * status}, {@code detail}, a stable {@code code}, and for input errors {@code field} and {@code
 * errors [{field, message}]}. Used by the exception handler, the error page and the filters.
 */
@Component
public class ProblemResponses {
  private final ObjectMapper mapper;

  public ProblemResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public static ProblemDetail problem(
      HttpStatusCode status,
      String code,
      String detail,
      String field,
      List<GatewayException.FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:testgen:problem:" + code.toLowerCase(Locale.ROOT)));
    problem.setProperty("code", code);
    if (field != null) problem.setProperty("field", field);
    if (errors != null && !errors.isEmpty()) problem.setProperty("errors", errors);
    return problem;
  }

  public static ProblemDetail problem(GatewayException e) {
    return problem(e.status(), e.code(), e.getMessage(), e.field(), e.errors());
  }

  public static ResponseEntity<ProblemDetail> entity(GatewayException e) {
    HttpHeaders headers = new HttpHeaders();
    e.headers().forEach(headers::set);
    return entity(problem(e), headers);
  }

  /** The answer to a bare HTTP status: its stable code and safe detail. */
  public static ResponseEntity<ProblemDetail> entity(HttpStatusCode status) {
    return entity(problem(status, codeFor(status), detailFor(status), null, null), null);
  }

  public static ResponseEntity<ProblemDetail> entity(ProblemDetail problem, HttpHeaders headers) {
    HttpHeaders all = new HttpHeaders();
    if (headers != null) all.putAll(headers);
    all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(problem, all, HttpStatusCode.valueOf(problem.getStatus()));
  }

  /** Writes a problem directly (for filters, which run outside MVC's exception handling). */
  public void write(HttpServletResponse response, GatewayException e) throws IOException {
    if (response.isCommitted()) return;
    response.resetBuffer();
    response.setStatus(e.status().value());
    e.headers().forEach(response::setHeader);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem(e));
  }

  /** Stable code for a bare HTTP status (errors raised by the container or by Spring itself). */
  public static String codeFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 429 -> "QUOTA_EXCEEDED";
      case 503 -> "UNAVAILABLE";
      default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
    };
  }

  /** Safe detail for a bare HTTP status. */
  public static String detailFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed on this resource";
      case 406 -> "no acceptable representation";
      case 413 -> "request body too large";
      case 415 -> "unsupported content type; send application/json";
      default -> status.is4xxClientError() ? "bad request" : "internal error";
    };
  }
}
