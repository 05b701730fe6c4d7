package io.testgen.gateway.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.workflow.GenerationRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash an idempotent start keeps in its memo, so a repeat with the same Idempotency-Key but a
 * different request is told so (422 IDEMPOTENCY_KEY_REUSED) instead of silently getting the first
 * run. It covers the endpoint, the validated request and where it came from; of credentials only
 * the user names and login URL, so no hash of a password sits in Temporal's memo.
 */
final class RequestFingerprint {
  private static final ObjectMapper CANONICAL =
      JsonMapperFactory.create().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private RequestFingerprint() {}

  static String of(String kind, GenerationRequest request, RunMemo memo) {
    ObjectNode tree = CANONICAL.valueToTree(request);
    tree.remove("owner");
    if (tree.get("login_credentials") instanceof ObjectNode login) login.remove("password");
    if (tree.get("http_credentials") instanceof ObjectNode http) http.remove("password");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String origin = kind + "\n" + memo.stage() + "\n" + memo.source() + "\n";
      digest.update(origin.getBytes(StandardCharsets.UTF_8));
      digest.update(CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(tree, Object.class)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot fingerprint a request", e);
    }
  }
}
