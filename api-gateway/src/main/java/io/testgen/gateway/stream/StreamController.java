package io.testgen.gateway.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.errors.UnavailableException;
import io.testgen.gateway.runs.RunLookup;
import io.testgen.gateway.security.Caller;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import redis.clients.jedis.StreamEntryID;

/** A run's progress as Server-Sent Events. */
@RestController
@Tag(name = "runs")
class StreamController {
  private static final Pattern ENTRY_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

  private final RunLookup runs;
  private final ProgressStreamHub hub;

  StreamController(RunLookup runs, ProgressStreamHub hub) {
    this.runs = runs;
    this.hub = hub;
  }

  @Operation(
      summary = "Progress events of a run (SSE)",
      description =
          "Replays from the start, or after Last-Event-ID; ends after the terminal event."
              + " Authenticate with the API key, or with ?token= from POST .../stream-token.")
  @GetMapping(
      path = "/api/v2/workflows/{workflowId}/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      Caller caller,
      @PathVariable String workflowId,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @Parameter(description = "stream token (instead of the Authorization header)")
          @RequestParam(name = "token", required = false)
          String token) {
    try {
      runs.requireOwned(caller.user(), workflowId);
    } catch (UnavailableException temporalDown) {
      // A stream token for this run was issued after an ownership check; while Temporal cannot
      // answer (a gateway that has just started, an outage) it stands in for one, since any answer
      // but 200 ends a browser's EventSource for good instead of letting it resume.
      if (!caller.viaStreamToken() || !workflowId.equals(caller.tokenWorkflowId())) {
        throw temporalDown;
      }
    }
    return hub.subscribe(workflowId, entryId(lastEventId));
  }

  /** The entry id to resume after: two unsigned 64-bit numbers as Redis writes them. */
  static StreamEntryID entryId(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) return new StreamEntryID(0, 0);
    String id = lastEventId.trim();
    if (ENTRY_ID.matcher(id).matches()) {
      int dash = id.indexOf('-');
      try {
        // Redis ids are unsigned; Jedis keeps them in signed longs, so above Long.MAX_VALUE no
        // entry can follow anyway.
        return new StreamEntryID(
            Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
      } catch (NumberFormatException tooLarge) {
        // fall through
      }
    }
    throw InvalidRequestException.field("Last-Event-ID", "not a stream entry id");
  }
}
