package io.testgen.gateway.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (errors raised outside MVC, e.g. rejected URLs): problem+json like
 * every other error, never a stack trace or an HTML page.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof GatewayException gateway) return ProblemResponses.entity(gateway);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly (GET /error), not forwarded by the container: there is no such resource.
    HttpStatusCode status =
        code == null
            ? HttpStatus.NOT_FOUND
            : code instanceof Integer value && value >= 400 && value < 600
                ? HttpStatusCode.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
    return ProblemResponses.entity(status);
  }
}
