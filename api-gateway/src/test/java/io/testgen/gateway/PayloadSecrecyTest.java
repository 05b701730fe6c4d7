package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Login credentials never sit in Temporal's history in plain text. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PayloadSecrecyTest extends GatewayIntegrationTest {

  @Test
  void rawHistoryNeverContainsThePassword() {
    String password = "pw-" + UUID.randomUUID();
    String username = "login-" + UUID.randomUUID() + "@example.com";
    String id =
        start(
            "secret",
            "\"login_credentials\":{\"username\":\""
                + username
                + "\",\"password\":\""
                + password
                + "\"},\"http_credentials\":{\"username\":\"basic\",\"password\":\""
                + password
                + "-basic\"}");
    awaitStatus("secret", id, "completed");

    GetWorkflowExecutionHistoryResponse history =
        TestServers.stubs()
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace("default")
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id).build())
                    .build());
    byte[] raw = history.toByteArray();
    assertThat(history.getHistory().getEventsCount()).isGreaterThan(3);
    assertThat(contains(raw, password)).isFalse();
    assertThat(contains(raw, username)).isFalse();

    HistoryEvent started = history.getHistory().getEvents(0);
    Payload input = started.getWorkflowExecutionStartedEventAttributes().getInput().getPayloads(0);
    assertThat(input.getMetadataMap().get("encoding"))
        .isEqualTo(ByteString.copyFromUtf8("binary/encrypted"));
    assertThat(input.getMetadataMap().get("encryption-key-id"))
        .isEqualTo(ByteString.copyFromUtf8("test"));
    // And the API never echoes credentials back.
    assertThat(as("secret").get("/api/v2/workflows/" + id).body()).doesNotContain(password);
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }
}
