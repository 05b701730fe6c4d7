package io.testgen.gateway.security;

import io.testgen.gateway.config.SecurityProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Known API keys, held only as SHA-256 hashes, each mapped to a user.
 *
 * <p>Sources, in order: {@code TESTGEN_API_KEYS} ({@code user=key,...}); {@code TESTGEN_API_KEY}
 * (one key for the local user). With neither, the {@code prod} profile refuses to start; otherwise
 * (local mode) the key in {@code TESTGEN_API_KEY_FILE} is used, created with a random value and
 * mode 600 when absent, and its path is logged (never the key).
 */
@Component
public class ApiKeyRegistry {
  private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

  /** User names go into visibility queries and logs: keep them to a safe alphabet. */
  static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Map<String, String> userByKeyHash;

  public ApiKeyRegistry(SecurityProperties properties, Environment environment) {
    Map<String, String> users = new HashMap<>();
    String keys = blankToNull(properties.apiKeys());
    if (keys != null) {
      for (String part : keys.split(",")) {
        String entry = part.trim();
        if (entry.isEmpty()) continue;
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
          throw new IllegalStateException("TESTGEN_API_KEYS entries must be user=key");
        }
        add(users, entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
      }
    }
    String single = blankToNull(properties.apiKey());
    if (single != null) add(users, properties.localUser(), single);
    if (users.isEmpty()) {
      if (environment.acceptsProfiles(Profiles.of("prod"))) {
        throw new IllegalStateException(
            "no API keys configured: set TESTGEN_API_KEYS (user=key,...) for the prod profile");
      }
      add(users, properties.localUser(), localKey(Path.of(properties.apiKeyFile())));
    }
    this.userByKeyHash = Map.copyOf(users);
    log.info("event=api_keys_loaded users={}", userByKeyHash.size());
  }

  /** The user a presented key belongs to. */
  public Optional<String> userFor(String presentedKey) {
    if (presentedKey == null || presentedKey.isEmpty()) return Optional.empty();
    return Optional.ofNullable(userByKeyHash.get(hash(presentedKey)));
  }

  private static void add(Map<String, String> users, String user, String key) {
    if (!USER_NAME.matcher(user).matches()) {
      throw new IllegalStateException("invalid user name in API key configuration: " + user);
    }
    if (key.length() < 16) {
      throw new IllegalStateException("API key of user " + user + " is shorter than 16 chars");
    }
    users.put(hash(key), user);
  }

  private static String localKey(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!existing.isEmpty()) {
          log.info("event=local_api_key source=file path={}", file.toAbsolutePath());
          return existing;
        }
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String key = "tg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".api-key", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Non-POSIX file systems: the directory's permissions apply.
      }
      Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      log.info("event=local_api_key source=generated path={}", file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the local API key file " + file, e);
    }
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
