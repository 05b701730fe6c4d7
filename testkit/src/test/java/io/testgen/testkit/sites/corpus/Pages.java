package io.testgen.testkit.sites.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What tests read from a fixture page's markup. */
final class Pages {
  private static final Pattern HEADING =
      Pattern.compile("<(h1|h2)(?: [^>]*)?>(.*?)</\\1>", Pattern.DOTALL);
  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
  private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

  private Pages() {}

  /** Text of the main heading: the first h1 or h2 inside {@code <main>} or the body's content. */
  static String heading(String html) {
    int main = Math.max(0, html.indexOf("<main"));
    Matcher m = HEADING.matcher(html);
    if (!m.find(main)) return null;
    return m.group(2).replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&amp;", "&").trim();
  }

  static String title(String html) {
    Matcher m = TITLE.matcher(html);
    return m.find() ? m.group(1).trim() : null;
  }

  /** Same-origin link targets, in order. */
  static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    Matcher m = HREF.matcher(html);
    while (m.find()) links.add(m.group(1).replace("&amp;", "&"));
    return links;
  }

  /** The value of the hidden input {@code name}. */
  static String hidden(String html, String name) {
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\"")
            .matcher(html);
    return m.find() ? m.group(1) : null;
  }
}
