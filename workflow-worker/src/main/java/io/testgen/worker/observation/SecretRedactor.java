package io.testgen.worker.observation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks the run's credentials with {@code ***} before anything leaves the crawl (results,
 * heartbeats, progress events). A password is masked wherever it appears; a user name only where it
 * stands as a typed value (a form submission's values, a replay step's fills), never inside URLs,
 * titles, headings or texts of the app: a user named {@code admin} must not turn {@code
 * /admin/books/} into {@code /***}{@code /books/}.
 */
final class SecretRedactor {
  static final String MASK = "***";

  /** JSON fields (snake_case) whose values the crawl typed: submissions' values, replay fills. */
  private static final Set<String> TYPED = Set.of("values", "fills");

  private final List<String> passwords = new ArrayList<>();
  private final List<String> usernames = new ArrayList<>();
  private final ObjectMapper mapper = JsonMapperFactory.shared();

  SecretRedactor(LoginCredentials login, HttpCredentials http) {
    if (login != null) {
      add(usernames, login.username());
      add(passwords, login.password());
    }
    if (http != null) {
      add(usernames, http.username());
      add(passwords, http.password());
    }
    passwords.sort((a, b) -> b.length() - a.length());
    usernames.sort((a, b) -> b.length() - a.length());
  }

  private static void add(List<String> list, String secret) {
    // very short values would mask ordinary words; they cannot be told apart from page text
    if (secret != null && secret.length() >= 3) list.add(secret);
  }

  boolean active() {
    return !passwords.isEmpty() || !usernames.isEmpty();
  }

  /** Text of the app or of the crawl (a URL, a title, a message): passwords masked. */
  String redact(String text) {
    return mask(text, passwords);
  }

  /** A value the crawl typed: passwords and user names masked. */
  String redactTyped(String text) {
    return mask(mask(text, passwords), usernames);
  }

  private static String mask(String text, List<String> secrets) {
    if (text == null || secrets.isEmpty()) return text;
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) out = out.replace(s, MASK);
      String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
      if (!encoded.equals(s) && out.contains(encoded)) out = out.replace(encoded, MASK);
    }
    return out;
  }

  /** A copy of {@code value} with every string (and map key) redacted, typed values fully. */
  <T> T redact(T value, Class<T> type) {
    if (value == null || !active()) return value;
    JsonNode tree = mapper.valueToTree(value);
    return mapper.convertValue(redactNode(tree, false), type);
  }

  Map<String, Object> redactData(Map<String, Object> data) {
    if (!active()) return data;
    Map<String, Object> out = new LinkedHashMap<>();
    data.forEach((k, v) -> out.put(k, v instanceof String s ? redact(s) : v));
    return out;
  }

  private JsonNode redactNode(JsonNode node, boolean typed) {
    if (node.isTextual())
      return TextNode.valueOf(typed ? redactTyped(node.asText()) : redact(node.asText()));
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) array.set(i, redactNode(array.get(i), typed));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      ObjectNode copy = mapper.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        copy.set(redact(e.getKey()), redactNode(e.getValue(), typed || TYPED.contains(e.getKey())));
      }
      return copy;
    }
    return node;
  }
}
