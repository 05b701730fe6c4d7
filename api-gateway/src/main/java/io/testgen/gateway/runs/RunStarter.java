package io.testgen.gateway.runs;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.RunState;
import io.testgen.common.workflow.SearchAttributes;
import io.testgen.common.workflow.TestGenerationWorkflow;
import io.testgen.common.workflow.WorkflowIds;
import io.testgen.gateway.config.PayloadEncryption;
import io.testgen.gateway.config.TemporalProperties;
import io.testgen.gateway.errors.ConflictException;
import io.testgen.gateway.errors.GatewayException;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.errors.NotFoundException;
import io.testgen.gateway.security.RunQuota;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Starts runs: the workflow id (fresh, or derived from owner and Idempotency-Key), the quota
 * reservation, the memo and search attributes, and the one idempotency rule: a repeat of the same
 * request with the same key answers the existing run (running or closed); the same key with a
 * different request answers 422 IDEMPOTENCY_KEY_REUSED.
 */
@Service
class RunStarter {
  private static final Logger log = LoggerFactory.getLogger(RunStarter.class);

  private final WorkflowClient client;
  private final TemporalProperties temporal;
  private final RunLookup lookup;
  private final RunIndex index;
  private final RunQuota quota;
  private final boolean encryptionConfigured;

  RunStarter(
      WorkflowClient client,
      TemporalProperties temporal,
      RunLookup lookup,
      RunIndex index,
      RunQuota quota,
      PayloadEncryption payloadEncryption) {
    this.client = client;
    this.temporal = temporal;
    this.lookup = lookup;
    this.index = index;
    this.quota = quota;
    this.encryptionConfigured = payloadEncryption.enabled();
  }

  /** 422: an Idempotency-Key already used for a different request. */
  static final class IdempotencyKeyReusedException extends GatewayException {
    IdempotencyKeyReusedException() {
      super(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "IDEMPOTENCY_KEY_REUSED",
          "this Idempotency-Key was used for a different request; use a new key",
          "Idempotency-Key");
    }
  }

  /**
   * Starts a run for {@code owner}.
   *
   * @param kind which endpoint started it (generate, improve, observation ...)
   * @param stage for a single-stage run, that stage; else null
   * @param source the earlier run it continues; else null
   * @param idempotencyKey the client's Idempotency-Key header, or null
   */
  RunAccepted start(
      String owner,
      GenerationRequest request,
      String kind,
      String stage,
      String source,
      String idempotencyKey) {
    RunRequestValidator.idempotencyKey(idempotencyKey);
    if (request.carriesSecrets() && !encryptionConfigured) {
      // Credentials would otherwise sit in Temporal's history in plain text.
      throw new InvalidRequestException(
          "ENCRYPTION_NOT_CONFIGURED",
          "credentials need payload encryption; the operator must set TESTGEN_PAYLOAD_KEYS",
          request.loginCredentials() != null ? "login_credentials" : "http_credentials");
    }
    RunMemo unhashed = new RunMemo(owner, request.url(), kind, stage, source, null);
    String hash = idempotencyKey == null ? null : RequestFingerprint.of(kind, request, unhashed);
    RunMemo memo = new RunMemo(owner, request.url(), kind, stage, source, hash);
    String workflowId =
        idempotencyKey == null
            ? WorkflowIds.fresh(request.url())
            : WorkflowIds.idempotent(request.url(), owner, idempotencyKey);
    if (idempotencyKey != null) {
      Optional<RunAccepted> existing = existingFor(owner, workflowId, hash);
      if (existing.isPresent()) return existing.get();
    }
    quota.reserve(owner, workflowId);
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(temporal.taskQueue())
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setWorkflowIdReusePolicy(
                idempotencyKey == null
                    ? WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE
                    : WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(
                io.temporal.common.SearchAttributes.newBuilder()
                    .set(SearchAttributes.OWNER, owner)
                    .set(SearchAttributes.TARGET_HOST, WorkflowIds.host(request.url()))
                    .build())
            .setMemo(memo.toMap())
            .setStaticSummary(summary(request, kind))
            .build();
    boolean started = false;
    try {
      client
          .newUntypedWorkflowStub(TestGenerationWorkflow.TYPE, options)
          .start(request.withOwner(owner));
      started = true;
    } catch (WorkflowExecutionAlreadyStarted closedDuplicate) {
      // Reuse policy refused a second run under the same idempotent id: answer the first.
      return existingFor(owner, workflowId, hash)
          .orElseThrow(() -> NotFoundException.run(workflowId));
    } finally {
      // A started run keeps its reservation until the index shows it (or it expires).
      if (!started) quota.release(owner, workflowId);
    }
    index.recordStart(owner, workflowId, Instant.now());
    log.info(
        "event=run_started workflow_id={} owner={} kind={} host={} idempotent={}",
        workflowId,
        owner,
        kind,
        WorkflowIds.host(request.url()),
        idempotencyKey != null);
    return RunAccepted.of(workflowId, RunState.PENDING);
  }

  private Optional<RunAccepted> existingFor(String owner, String workflowId, String hash) {
    Optional<RunView> existing = lookup.describe(workflowId);
    if (existing.isEmpty()) return Optional.empty();
    if (!owner.equals(existing.get().owner())) {
      throw new ConflictException(
          "IDEMPOTENCY_KEY_CONFLICT", "this Idempotency-Key cannot be used; choose another");
    }
    // Runs started before request hashes were kept have none: they keep answering as before.
    String kept = existing.get().requestHash();
    if (kept != null && !kept.equals(hash)) throw new IdempotencyKeyReusedException();
    return Optional.of(RunAccepted.of(workflowId, existing.get().state()));
  }

  private static String summary(GenerationRequest request, String kind) {
    return request.url()
        + " ("
        + kind
        + ", max_depth="
        + request.effectiveMaxDepth()
        + ", max_pages="
        + request.effectiveMaxPages()
        + ", max_scenarios="
        + request.effectiveMaxScenarios()
        + (request.reviewRequired() ? ", review" : "")
        + (request.loginCredentials() != null ? ", login" : "")
        + ")";
  }
}
