package io.testgen.worker.observation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Replaces the run's credentials with {@code ***} wherever a page echoed them (a "Signed in as
 * alice" banner, a URL with the user name), before anything leaves the crawl: results, heartbeats,
 * progress events.
 */
final class SecretRedactor {
  static final String MASK = "***";
  private final List<String> secrets = new ArrayList<>();
  private final ObjectMapper mapper = JsonMapperFactory.shared();

  SecretRedactor(LoginCredentials login, HttpCredentials http) {
    if (login != null) {
      add(login.username());
      add(login.password());
    }
    if (http != null) {
      add(http.username());
      add(http.password());
    }
    secrets.sort((a, b) -> b.length() - a.length());
  }

  private void add(String secret) {
    // very short values would mask ordinary words; they cannot be told apart from page text
    if (secret != null && secret.length() >= 3) secrets.add(secret);
  }

  boolean active() {
    return !secrets.isEmpty();
  }

  String redact(String text) {
    if (text == null || secrets.isEmpty()) return text;
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) out = out.replace(s, MASK);
      String encoded = java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
      if (!encoded.equals(s) && out.contains(encoded)) out = out.replace(encoded, MASK);
    }
    return out;
  }

  /** A copy of {@code value} with every string (and map key) redacted. */
  <T> T redact(T value, Class<T> type) {
    if (value == null || secrets.isEmpty()) return value;
    JsonNode tree = mapper.valueToTree(value);
    return mapper.convertValue(redactNode(tree), type);
  }

  Map<String, Object> redactData(Map<String, Object> data) {
    if (secrets.isEmpty()) return data;
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    data.forEach((k, v) -> out.put(k, v instanceof String s ? redact(s) : v));
    return out;
  }

  private JsonNode redactNode(JsonNode node) {
    if (node.isTextual()) return TextNode.valueOf(redact(node.asText()));
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) array.set(i, redactNode(array.get(i)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      ObjectNode copy = mapper.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        copy.set(redact(e.getKey()), redactNode(e.getValue()));
      }
      return copy;
    }
    return node;
  }
}
