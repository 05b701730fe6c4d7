package io.testgen.worker.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.BrowserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrawlerDemoSiteTest {
  static FixtureServer site;
  static BrowserPool pool;
  static Path artifactsDir;

  @BeforeAll
  static void start() throws Exception {
    site = DemoSite.install(FixtureServer.start());
    pool = new BrowserPool(BrowserSettings.fromEnvironment().withContexts(2));
    artifactsDir = Files.createTempDirectory("obs-art");
  }

  @AfterAll
  static void stop() {
    pool.close();
    site.close();
  }

  @Test
  void dump() throws Exception {
    Crawler crawler =
        new Crawler(
            pool,
            new ArtifactStore(artifactsDir),
            TargetPolicy.allowingLoopback(),
            CrawlSettings.defaults());
    ObservationResult r =
        crawler.crawl(
            new ObservationRequest("wf-demo", site.url("/"), 2, 20, null, null, null, false),
            null,
            CrawlObserver.NONE);
    System.out.println(
        JsonMapperFactory.shared().writerWithDefaultPrettyPrinter().writeValueAsString(r));
    assertThat(r.states()).isNotEmpty();
  }
}
