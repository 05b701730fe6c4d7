package io.testgen.testkit.sites.evolution;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;

/**
 * An app that changes between two versions, for repair and suite evolution. In v1 the settings
 * form's button is {@code <button id="save-btn" class="btn-save">Save</button>} and there is a
 * legacy page; in v2 the button's id, class and text change ({@code #apply-settings}, {@code
 * .primary-action}, "Save changes"), the legacy page is gone (404) and a help page is new. What the
 * button does is the same in both.
 */
public final class ChangingSite {
  private volatile String version = "v1";

  private ChangingSite() {}

  /** Serves v1 on {@code server}; {@link #switchTo} changes the version live. */
  public static ChangingSite install(FixtureServer server) {
    ChangingSite site = new ChangingSite();
    server
        .get("/", r -> FixtureResponse.html(site.home()))
        .get("/settings", r -> FixtureResponse.html(site.settings()))
        .post("/settings", r -> FixtureResponse.redirect("/settings/saved"))
        .get("/settings/saved", r -> FixtureResponse.html(page("Saved", "<h1>Settings saved</h1>")))
        .get(
            "/profile",
            r ->
                FixtureResponse.html(
                    page("Profile", site.isV2() ? "<h1>Your profile</h1>" : "<h1>Profile</h1>")))
        .get(
            "/legacy",
            r ->
                site.isV2()
                    ? FixtureResponse.html(404, page("Not found", "<h1>Not found</h1>"))
                    : FixtureResponse.html(page("Legacy", "<h1>Legacy page</h1>")))
        .get(
            "/help",
            r ->
                site.isV2()
                    ? FixtureResponse.html(page("Help", "<h1>Help</h1><p>Ask us anything.</p>"))
                    : FixtureResponse.html(404, page("Not found", "<h1>Not found</h1>")));
    return site;
  }

  public void switchTo(String version) {
    if (!version.equals("v1") && !version.equals("v2"))
      throw new IllegalArgumentException("unknown version " + version);
    this.version = version;
  }

  private boolean isV2() {
    return "v2".equals(version);
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s · Changing</title></head>
        <body><main>
        %s
        </main></body>
        </html>
        """
        .formatted(title, body);
  }

  private String home() {
    String links =
        isV2()
            ? "<a href=\"/settings\">Settings</a> <a href=\"/help\">Help</a>"
            : "<a href=\"/settings\">Settings</a> <a href=\"/legacy\">Legacy</a>";
    return page("Home", "<h1>Welcome</h1><nav>" + links + "</nav>");
  }

  private String settings() {
    String button =
        isV2()
            ? "<button id=\"apply-settings\" class=\"primary-action\" type=\"submit\">Save changes</button>"
            : "<button id=\"save-btn\" class=\"btn-save\" type=\"submit\">Save</button>";
    return page(
        "Settings",
        """
        <h1>Settings</h1>
        <form action="/settings" method="post">
          <label for="display-name">Display name</label>
          <input id="display-name" name="name" type="text">
          %s
        </form>
        """
            .formatted(button));
  }
}
