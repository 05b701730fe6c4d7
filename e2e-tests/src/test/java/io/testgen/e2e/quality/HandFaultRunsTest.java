package io.testgen.e2e.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.HostileApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link HandFaultRuns} with a real {@code npx playwright test} against the hostile app: a tiny
 * suite of three tests (one failing on the healed app) kills exactly the two faults its assertions
 * look at, and the test that already failed healed kills nothing.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HandFaultRunsTest {
  private static final String CONFIG =
      """
      import { defineConfig } from '@playwright/test';
      export default defineConfig({
        testDir: './tests',
        retries: 0,
        reporter: [['list']],
        use: { baseURL: process.env.BASE_URL },
        projects: [{ name: 'chromium' }],
      });
      """;
  private static final String SPEC =
      """
      import { test, expect } from '@playwright/test';

      test('the profile answers 500', async ({ request }) => {
        expect((await request.get('/members/profile')).status()).toBe(500);
      });

      test('the help page says how to reach us', async ({ request }) => {
        expect(await (await request.get('/help')).text()).toContain('Write to us.');
      });

      test('a test that fails on the healed app too', async ({ request }) => {
        expect((await request.get('/help')).status()).toBe(418);
      });
      """;

  @Test
  void aFaultIsKilledOnlyByATestThatPassedHealed() throws Exception {
    HostileApp app = new HostileApp();
    try (FixtureServer server = app.install(FixtureServer.start())) {
      byte[] suite = zip();
      Path work = Files.createTempDirectory("hand-fault-runs");
      Map<String, String> env = Map.of("BASE_URL", server.baseUrl(), "CI", "1");
      PlaywrightTestRun.Outcome clean = PlaywrightTestRun.run(suite, work, env, 2);
      assertThat(clean.passed()).as(clean.output()).isEqualTo(2);
      assertThat(clean.failedTests())
          .singleElement()
          .asString()
          .startsWith("[chromium] › ")
          .endsWith("› a test that fails on the healed app too");

      HandFaultRuns.Summary summary = HandFaultRuns.run(app, server, suite, work, env, clean);

      assertThat(summary.runs())
          .extracting(r -> r.fault().id() + " " + r.killed())
          .containsExactly(
              "profile-error-answers-200 true",
              "old-news-answers-200 false",
              "calendar-next-month-stuck false",
              "help-page-loses-text true",
              "error-pages-home-link-broken false",
              "logout-answers-500 false");
      assertThat(summary.runs().get(0).firstFailure()).endsWith("› the profile answers 500");
      assertThat(summary.runs().get(3).firstFailure())
          .endsWith("› the help page says how to reach us");
      assertThat(summary.cell()).isEqualTo("2/6 = 33 %");
      assertThat(app.faults().active()).isNull();
    }
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(
          zip,
          "suite/package.json",
          "{\"name\":\"hand-fault-runs\",\"private\":true,"
              + "\"devDependencies\":{\"@playwright/test\":\"1.62.0\"}}");
      entry(zip, "suite/playwright.config.ts", CONFIG);
      entry(zip, "suite/tests/hostile.spec.ts", SPEC);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
