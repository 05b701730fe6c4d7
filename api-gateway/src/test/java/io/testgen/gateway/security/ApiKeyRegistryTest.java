package io.testgen.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testgen.gateway.config.SecurityProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApiKeyRegistryTest {
  @TempDir Path dir;

  private static SecurityProperties props(String keys, String key, Path file) {
    return new SecurityProperties(
        keys, key, file.toString(), "local", null, Duration.ofMinutes(5), null);
  }

  @Test
  void configuredKeysMapToUsers() {
    ApiKeyRegistry registry =
        new ApiKeyRegistry(
            props("alice=alice-key-0123456789, bob=bob-key-0123456789", null, dir.resolve("k")),
            new StandardEnvironment());
    assertThat(registry.userFor("alice-key-0123456789")).contains("alice");
    assertThat(registry.userFor("bob-key-0123456789")).contains("bob");
    assertThat(registry.userFor("nope")).isEmpty();
    assertThat(Files.exists(dir.resolve("k"))).isFalse();
  }

  @Test
  void prodProfileRefusesToStartWithoutKeys() {
    StandardEnvironment prod = new StandardEnvironment();
    prod.setActiveProfiles("prod");
    assertThatThrownBy(() -> new ApiKeyRegistry(props("", "", dir.resolve("k")), prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TESTGEN_API_KEYS");
  }

  @Test
  void localModeGeneratesAKeyFileWithMode600AndReusesIt() throws Exception {
    Path file = dir.resolve(".testgen/api-key");
    new ApiKeyRegistry(props(null, null, file), new StandardEnvironment());
    String key = Files.readString(file).trim();
    assertThat(key).startsWith("tg_").hasSizeGreaterThan(40);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    ApiKeyRegistry again = new ApiKeyRegistry(props(null, null, file), new StandardEnvironment());
    assertThat(again.userFor(key)).contains("local");
    assertThat(Files.readString(file).trim()).isEqualTo(key);
  }

  @Test
  void singleKeyIsTheLocalUsers() {
    ApiKeyRegistry registry =
        new ApiKeyRegistry(
            props(null, "my-local-key-0123456789", dir.resolve("k")), new StandardEnvironment());
    assertThat(registry.userFor("my-local-key-0123456789")).contains("local");
  }
}
