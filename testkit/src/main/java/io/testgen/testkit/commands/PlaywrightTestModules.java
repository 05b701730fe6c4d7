package io.testgen.testkit.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code @playwright/test} from npm, installed once into a cache that every test run of the
 * rendered TypeScript suites links as its {@code node_modules} (browsers are not downloaded: the
 * suites run the machine's Chromium).
 */
public final class PlaywrightTestModules {
  public static final Path NPM_CACHE =
      Path.of(System.getProperty("user.home"), ".cache", "testgen", "playwright-ts");

  private PlaywrightTestModules() {}

  /** The cache's {@code node_modules}, with {@code @playwright/test} at {@code version} if new. */
  public static synchronized Path installed(String version)
      throws IOException, InterruptedException {
    Path modules = NPM_CACHE.resolve("node_modules");
    if (!Files.isDirectory(modules.resolve("@playwright/test"))) {
      Files.createDirectories(NPM_CACHE);
      Files.writeString(
          NPM_CACHE.resolve("package.json"),
          "{\"name\":\"pw-cache\",\"private\":true,\"dependencies\":{\"@playwright/test\":\""
              + version
              + "\"}}");
      CommandRun install =
          CommandRun.run(
              NPM_CACHE,
              Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
              600,
              "npm",
              "install",
              "--no-audit",
              "--no-fund");
      if (install.exitCode() != 0)
        throw new IOException("npm install @playwright/test failed:\n" + install.output());
    }
    return modules;
  }
}
