package io.testgen.gateway.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.common.workflow.ReviewOutcome;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.RunStatus;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.security.Caller;
import io.testgen.gateway.security.StreamTokens;
import jakarta.validation.Valid;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reading, cancelling and reviewing the caller's runs. */
@RestController
@RequestMapping(path = "/api/v2/workflows", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "runs")
class RunController {
  private static final Set<String> SUITE_FORMATS =
      Set.of(ArtifactPaths.FORMAT_TYPESCRIPT, ArtifactPaths.FORMAT_JAVA);

  private final RunLookup lookup;
  private final RunQueries queries;
  private final RunControl control;
  private final SuiteFiles suites;
  private final RunIndex index;
  private final StreamTokens streamTokens;

  RunController(
      RunLookup lookup,
      RunQueries queries,
      RunControl control,
      SuiteFiles suites,
      RunIndex index,
      StreamTokens streamTokens) {
    this.lookup = lookup;
    this.queries = queries;
    this.control = control;
    this.suites = suites;
    this.index = index;
    this.streamTokens = streamTokens;
  }

  @Operation(summary = "The caller's runs, newest first, paged, optionally by status")
  @GetMapping
  RunPage list(
      Caller caller,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page_size", defaultValue = "20") int pageSize,
      @RequestParam(name = "next_page_token", required = false) String nextPageToken) {
    if (pageSize < 1 || pageSize > 100) {
      throw InvalidRequestException.field("page_size", "must be between 1 and 100");
    }
    RunState state = null;
    if (status != null && !status.isBlank()) {
      try {
        state = RunState.fromWire(status);
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.field(
            "status", "one of pending, running, awaiting_review, completed, failed, cancelled");
      }
    }
    return index.list(caller.user(), state, pageSize, nextPageToken);
  }

  @Operation(summary = "Status of a run")
  @GetMapping("/{workflowId}")
  RunStatus status(Caller caller, @PathVariable String workflowId) {
    return queries.status(caller.user(), workflowId);
  }

  @Operation(summary = "Result of a completed run")
  @GetMapping("/{workflowId}/results")
  GenerationResult results(Caller caller, @PathVariable String workflowId) {
    return queries.results(caller.user(), workflowId);
  }

  @Operation(summary = "The rendered suite as a zip")
  @GetMapping(path = "/{workflowId}/suite", produces = "application/zip")
  ResponseEntity<Resource> suite(
      Caller caller,
      @PathVariable String workflowId,
      @RequestParam(name = "format", defaultValue = ArtifactPaths.FORMAT_TYPESCRIPT)
          String format) {
    if (!SUITE_FORMATS.contains(format)) {
      throw new InvalidRequestException(
          "INVALID_FORMAT", "format must be playwright-ts or playwright-java", "format");
    }
    Path zip = suites.suite(caller.user(), workflowId, format);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(workflowId + "-" + format + ".zip")
                .build()
                .toString())
        .body(new FileSystemResource(zip));
  }

  @Operation(summary = "Request cancellation of a run")
  @DeleteMapping("/{workflowId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  CancelAccepted cancel(Caller caller, @PathVariable String workflowId) {
    return control.cancel(caller.user(), workflowId);
  }

  @Operation(summary = "Approve the derived requirements, optionally with an edited scenario list")
  @PostMapping("/{workflowId}/approve")
  ReviewOutcome approve(
      Caller caller,
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) ApproveBody body) {
    return control.approve(caller.user(), workflowId, body);
  }

  @Operation(summary = "Reject the derived requirements; the run ends failed")
  @PostMapping("/{workflowId}/reject")
  ReviewOutcome reject(
      Caller caller,
      @PathVariable String workflowId,
      @Valid @RequestBody(required = false) RejectBody body) {
    return control.reject(caller.user(), workflowId, body);
  }

  @Operation(summary = "A short-lived token that opens this run's stream without headers")
  @PostMapping("/{workflowId}/stream-token")
  StreamTokenResponse streamToken(Caller caller, @PathVariable String workflowId) {
    lookup.requireOwned(caller.user(), workflowId);
    StreamTokens.IssuedToken token = streamTokens.issue(caller.user(), workflowId);
    return new StreamTokenResponse(
        token.token(),
        token.expiresAt(),
        "/api/v2/workflows/" + workflowId + "/stream?token=" + token.token());
  }
}
