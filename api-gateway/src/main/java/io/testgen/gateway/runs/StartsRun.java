package io.testgen.gateway.runs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Marks an endpoint that starts a run: a POST of a JSON body, answered 202 Accepted with where to
 * follow the run. The endpoint takes a {@link StartCall} (who starts it, under which
 * Idempotency-Key) and its body.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
// @PostMapping cannot annotate an annotation; this is what it stands for.
@RequestMapping(method = RequestMethod.POST, consumes = MediaType.APPLICATION_JSON_VALUE)
@ResponseStatus(HttpStatus.ACCEPTED)
@interface StartsRun {
  /** The endpoint's path below {@code /api/v2}. */
  @AliasFor(annotation = RequestMapping.class, attribute = "path")
  String[] value();
}
