package io.testgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SuiteUnzipTest {
  @TempDir Path dir;

  @Test
  void dropsTheSuitesTopLevelFolder() throws Exception {
    TestGenCli.unzip(zip("suite/package.json", "suite/tests/a.spec.ts"), dir);
    assertThat(Files.readString(dir.resolve("package.json"))).isEqualTo("suite/package.json");
    assertThat(dir.resolve("tests/a.spec.ts")).exists();
  }

  @Test
  void keepsPathsWhenEntriesHaveNoCommonFolder() throws Exception {
    TestGenCli.unzip(zip("package.json", "tests/a.spec.ts"), dir);
    assertThat(dir.resolve("package.json")).exists();
    assertThat(dir.resolve("tests/a.spec.ts")).exists();
  }

  @Test
  void refusesEntriesThatEscapeTheOutput() throws Exception {
    assertThatThrownBy(() -> TestGenCli.unzip(zip("a/../../evil.txt", "b/ok.txt"), dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("escapes");
  }

  private static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (String name : names) {
        out.putNextEntry(new ZipEntry(name));
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
