package io.testgen.worker.observation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.worker.browser.ValidationMessages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills and submits forms: with valid synthetic values, with required fields empty, or (a GET
 * search) with every field empty; and reports what the app did (URL change, validation messages and
 * where they appeared, new texts).
 */
final class FormProber {
  static final String VALID = "valid";
  static final String EMPTY_REQUIRED = "empty_required";

  /** Every field left empty: a GET search submitted so lists all records. */
  static final String EMPTY = "empty";

  private FormProber() {}

  /** The purpose a form seems to serve: login, search, signup, create, contact or generic. */
  static String purpose(PageSnapshot.RawForm form) {
    List<PageSnapshot.RawField> fields = form.fields();
    long passwords = fields.stream().filter(f -> "password".equals(f.type())).count();
    String words =
        (form.text() + " " + form.action() + " " + form.id() + " " + form.role())
            .toLowerCase(Locale.ROOT);
    if (passwords >= 2 || (passwords == 1 && words.matches("(?s).*(sign ?up|register|create).*")))
      return "signup";
    if (passwords == 1) return "login";
    if ("search".equals(form.role())
        || fields.stream().anyMatch(f -> "search".equals(f.type()))
        || (fields.size() == 1 && words.contains("search"))) return "search";
    if (words.contains("contact")
        || fields.stream().anyMatch(f -> "textarea".equals(f.type()) && has(f, "message")))
      return "contact";
    if ("post".equals(form.method())) return "create";
    return "generic";
  }

  private static boolean has(PageSnapshot.RawField f, String word) {
    return (f.name() + " " + f.label()).toLowerCase(Locale.ROOT).contains(word);
  }

  /**
   * The values to type, by CSS selector ({@code select:} and {@code check:} prefixes for selects
   * and boxes), and the record of them by field name (passwords masked).
   */
  record Plan(Map<String, String> fills, Map<String, String> shown) {}

  /** What a submission led to. */
  record Probe(FormSubmission submission, PageSnapshot after, PageSettler.Outcome outcome) {}

  static Plan plan(PageSnapshot snapshot, PageSnapshot.RawForm form, String kind, String hint) {
    Map<String, String> fills = new LinkedHashMap<>();
    Map<String, String> shown = new LinkedHashMap<>();
    for (PageSnapshot.RawField f : form.fields()) {
      PageSnapshot.RawElement e = snapshot.element(f.elementIndex());
      if (e == null || !f.visible()) continue;
      String type = f.type();
      boolean emptied = (EMPTY_REQUIRED.equals(kind) && f.required()) || EMPTY.equals(kind);
      if ("checkbox".equals(type) || "radio".equals(type)) {
        if (!emptied && (f.required() || "radio".equals(type))) fills.put("check:" + e.css(), "on");
        continue;
      }
      if ("select".equals(type)) {
        String option =
            f.options().stream().filter(o -> o != null && !o.isBlank()).findFirst().orElse(null);
        if (!emptied && option != null) {
          fills.put("select:" + e.css(), option);
          shown.put(f.name(), option);
        }
        continue;
      }
      if ("file".equals(type)) continue;
      String value = emptied ? "" : SyntheticValues.validValue(f, hint);
      if (value == null) continue;
      fills.put(e.css(), value);
      shown.put(f.name(), "password".equals(type) ? SecretRedactor.MASK : value);
    }
    return new Plan(fills, shown);
  }

  /** Types the planned values into the page. */
  static void fill(Page page, Map<String, String> fills) {
    if (fills == null) return;
    for (Map.Entry<String, String> e : fills.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("select:")) {
        page.locator(key.substring("select:".length()))
            .first()
            .selectOption(e.getValue(), new Locator.SelectOptionOptions().setTimeout(3000));
      } else if (key.startsWith("check:")) {
        page.locator(key.substring("check:".length()))
            .first()
            .check(new Locator.CheckOptions().setTimeout(3000).setForce(true));
      } else {
        page.locator(key).first().fill(e.getValue(), new Locator.FillOptions().setTimeout(3000));
      }
    }
  }

  /** Submits form {@code formIndex}: its submit control, else requestSubmit(). */
  static void submit(Page page, Integer formIndex, String submitCss) {
    if (submitCss != null) {
      page.locator(submitCss).first().click(new Locator.ClickOptions().setTimeout(3000));
    } else {
      page.evaluate(
          "(i) => { const f = document.forms[i]; if (f.requestSubmit) f.requestSubmit(); else f.submit(); }",
          formIndex);
    }
  }

  /** Fills, submits, settles, and describes the result. */
  static Probe probe(
      PageSettler settler,
      PageSnapshot before,
      PageSnapshot.RawForm form,
      PathStep step,
      Map<String, String> shown,
      int maxNodes,
      int maxCandidates) {
    Page page = settler.page();
    String beforeUrl = page.url();
    Set<String> old = new HashSet<>(before.texts());
    try {
      old = new HashSet<>(PageSnapshot.take(page, maxNodes, 1).texts());
    } catch (PlaywrightException ignored) {
      // keep the state's first look as the baseline
    }
    PageSettler.Outcome outcome;
    try {
      fill(page, step.fills());
      outcome = settler.act(p -> submit(p, form.index(), step.css()));
    } catch (PlaywrightException e) {
      outcome = new PageSettler.Outcome(false, null, page.url(), PageSettler.shortError(e));
    }
    List<ValidationMessage> messages = validation(page, form.index(), outcome.navigated());
    List<String> newTexts = new ArrayList<>();
    PageSnapshot after = null;
    try {
      after = PageSnapshot.take(page, maxNodes, maxCandidates);
      for (String t : after.texts()) {
        if (!old.contains(t) && !newTexts.contains(t)) newTexts.add(t);
        if (newTexts.size() >= 8) break;
      }
    } catch (PlaywrightException ignored) {
      // the page is gone; nothing new to read
    }
    String afterUrl = page.url();
    boolean urlChanged =
        !String.valueOf(UrlScope.normalise(beforeUrl)).equals(UrlScope.normalise(afterUrl));
    FormSubmission submission =
        new FormSubmission(
            step.kind(),
            shown,
            afterUrl,
            urlChanged,
            null,
            outcome.status(),
            messages,
            List.copyOf(newTexts));
    return new Probe(submission, after, outcome);
  }

  static List<ValidationMessage> validation(Page page, int formIndex, boolean navigated) {
    return ValidationMessages.read(page, formIndex, navigated);
  }
}
