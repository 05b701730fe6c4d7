package io.testgen.gateway.health;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.testgen.gateway.config.TemporalProperties;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Readiness: the Temporal frontend answers for our namespace. */
@Component("temporal")
class TemporalHealthIndicator extends AbstractHealthIndicator {
  private final WorkflowServiceStubs stubs;
  private final String namespace;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, TemporalProperties properties) {
    super("Temporal is not reachable");
    this.stubs = stubs;
    this.namespace = properties.namespace();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    stubs
        .blockingStub()
        .withDeadlineAfter(2, TimeUnit.SECONDS)
        .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    builder.up().withDetail("namespace", namespace);
  }
}
