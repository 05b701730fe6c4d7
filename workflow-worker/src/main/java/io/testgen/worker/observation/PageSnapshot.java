package io.testgen.worker.observation;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.observation.AccessibilityFacts;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.SignOut;
import io.testgen.common.json.JsonMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One look at a page, taken by a script in the page (one round trip): the structure signature the
 * fingerprint hashes, the elements a test may use with the facts their locators need, forms and
 * accessibility facts. Never holds HTML.
 */
record PageSnapshot(
    String url,
    String title,
    String structure,
    int nodeCount,
    List<RawElement> elements,
    List<RawForm> forms,
    List<Heading> headings,
    AccessibilityFacts accessibility,
    List<String> texts,
    boolean passwordVisible,
    List<String> paragraphs) {

  private static final Pattern SENTENCE = Pattern.compile("[^\\d]{20,160}[.!?]");

  /**
   * The page's own sentences, at most two in page order: paragraphs of four words or more that end
   * a sentence and hold no figure (counts, dates and prices change between runs; a record's name
   * rarely ends with a full stop). What a render test can assert beside the heading.
   */
  List<String> prose() {
    if (paragraphs == null) return List.of();
    return paragraphs.stream()
        .filter(p -> SENTENCE.matcher(p).matches() && p.split(" ").length >= 4)
        .distinct()
        .limit(2)
        .toList();
  }

  /**
   * An element as the page script saw it; {@code counts} are matches per locator strategy. {@code
   * name} holds the words a person reads; {@code roleName} the accessible name a role locator must
   * match exactly (with CSS-generated content such as an icon's glyph), empty without a role.
   */
  record RawElement(
      int index,
      String kind,
      String tag,
      String type,
      String role,
      String name,
      String text,
      String href,
      String label,
      String hintText,
      String testId,
      String css,
      int formIndex,
      boolean submit,
      boolean destructive,
      Map<String, Integer> counts,
      String roleName) {

    /** Words a person would use for it. */
    String words() {
      String w = name != null && !name.isBlank() ? name : text;
      if (w == null || w.isBlank()) w = label;
      if (w == null || w.isBlank()) w = hintText;
      return w == null ? "" : w;
    }

    /**
     * Whether exploration must leave it alone: a control that signs out never (it would end the
     * crawl's own session, whatever the request allows), another destructive one unless allowed.
     */
    boolean refused(boolean allowDestructive) {
      if (SignOut.named(name + " " + text + " " + href)) return true;
      return destructive && !allowDestructive;
    }
  }

  record RawForm(
      int index,
      String action,
      String method,
      String id,
      String role,
      boolean novalidate,
      String text,
      List<RawField> fields,
      int submitIndex,
      boolean visible) {}

  record RawField(
      String name,
      String type,
      String label,
      boolean required,
      String pattern,
      String min,
      String max,
      Integer minLength,
      Integer maxLength,
      List<String> options,
      int elementIndex,
      boolean visible,
      String hintText,
      String value,
      String autocomplete) {}

  /**
   * The snapshot as one JSON string: Playwright carries a string as it is, where it would wrap
   * every value of an object on both sides of the driver and the worker would convert it twice.
   */
  static final String SCRIPT =
      "(limits) => JSON.stringify((" + load("snapshot.js").strip() + ")(limits))";

  /** Takes a snapshot of the page as it is now. */
  static PageSnapshot take(Page page, int maxNodes, int maxCandidates) {
    return of(page.evaluate(SCRIPT, Map.of("maxNodes", maxNodes, "maxCandidates", maxCandidates)));
  }

  /** A snapshot from what {@link #SCRIPT} returned. */
  static PageSnapshot of(Object json) {
    try {
      return JsonMapperFactory.shared().readValue(String.valueOf(json), PageSnapshot.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Only what tells states apart (structure, URL, title, headings): after an action. */
  static PageSnapshot takeLight(Page page, int maxNodes) {
    return of(
        page.evaluate(SCRIPT, Map.of("maxNodes", maxNodes, "maxCandidates", 0, "light", true)));
  }

  static String load(String resource) {
    try (InputStream in = PageSnapshot.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RawElement element(int index) {
    return index >= 0 && index < elements.size() ? elements.get(index) : null;
  }
}
