package io.testgen.worker.observation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.testgen.common.security.LoginCredentials;
import java.net.URI;

/**
 * Logs in with the user's credentials: finds the login form (on the login URL, the start page, or
 * behind a "log in" link), fills it, submits, and verifies that the password field is gone and the
 * app did not answer with an error. Never logs or returns the credentials.
 */
final class LoginFlow {
  /** How a login attempt ended; {@code reason} never contains credentials. */
  record Result(
      boolean loggedIn, String reason, String loginPageUrl, PageSnapshot landing, Integer status) {
    Result(boolean loggedIn, String reason, String loginPageUrl) {
      this(loggedIn, reason, loginPageUrl, null, null);
    }
  }

  private static final String LOGIN_LINK =
      "a:text-matches('^\\\\s*(log ?in|sign ?in|login|signin)\\\\s*$', 'i'),"
          + " button:text-matches('^\\\\s*(log ?in|sign ?in)\\\\s*$', 'i')";

  private final LoginCredentials credentials;
  private final String startUrl;

  LoginFlow(LoginCredentials credentials, String startUrl) {
    this.credentials = credentials;
    this.startUrl = startUrl;
  }

  String loginUrl() {
    String given = credentials.loginUrl();
    if (given == null || given.isBlank()) return startUrl;
    return URI.create(startUrl).resolve(given.trim()).toString();
  }

  Result login(PageSettler settler) {
    return login(settler, snapshot -> {}, 6000, 400);
  }

  /**
   * Logs in; {@code onLoginForm} sees the login page before anything is typed (so the form can be
   * recorded without the credentials), and a successful result carries the landing page.
   */
  Result login(
      PageSettler settler,
      java.util.function.Consumer<PageSnapshot> onLoginForm,
      int maxNodes,
      int maxCandidates) {
    Page page = settler.page();
    PageSettler.Outcome loaded = settler.load(loginUrl());
    if (loaded.failed()) return new Result(false, "login page did not load", loginUrl());
    Locator password = page.locator("input[type=password]:visible");
    if (password.count() == 0) {
      Locator link = page.locator(LOGIN_LINK);
      if (link.count() > 0) {
        settler.act(p -> link.first().click(new Locator.ClickOptions().setTimeout(3000)));
      }
    }
    if (password.count() == 0) return new Result(false, "no login form found", page.url());
    String formPage = page.url();
    try {
      onLoginForm.accept(PageSnapshot.take(page, maxNodes, maxCandidates));
      Locator passwordField = password.first();
      Locator form = passwordField.locator("xpath=ancestor::form[1]");
      Locator scope = form.count() > 0 ? form : page.locator("body");
      Locator user =
          scope
              .locator(
                  "input[type=email]:visible, input[autocomplete=username]:visible,"
                      + " input[name*=user i]:visible, input[name*=email i]:visible,"
                      + " input[name*=login i]:visible, input[id*=user i]:visible,"
                      + " input[type=text]:visible")
              .first();
      if (user.count() > 0) user.fill(credentials.username());
      passwordField.fill(credentials.password());
      Locator submit =
          scope.locator("button[type=submit], input[type=submit], button:not([type])").first();
      PageSettler.Outcome outcome =
          settler.act(
              p -> {
                if (submit.count() > 0) submit.click(new Locator.ClickOptions().setTimeout(3000));
                else passwordField.press("Enter");
              });
      if (outcome.status() != null && outcome.status() >= 400)
        return new Result(false, "login answered HTTP " + outcome.status(), formPage);
      if (page.locator("input[type=password]:visible").count() > 0)
        return new Result(false, "still on a login form after submitting", formPage);
      return new Result(
          true, null, formPage, PageSnapshot.take(page, maxNodes, maxCandidates), outcome.status());
    } catch (PlaywrightException e) {
      return new Result(false, "login form could not be used", formPage);
    }
  }

  /** Whether a page the crawl reached while logged in shows a login form instead. */
  static boolean looksLoggedOut(PageSnapshot snapshot) {
    if (!snapshot.passwordVisible()) return false;
    return snapshot.forms().stream()
        .anyMatch(f -> f.visible() && "login".equals(FormProber.purpose(f)));
  }
}
