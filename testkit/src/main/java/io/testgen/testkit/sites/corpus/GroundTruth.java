package io.testgen.testkit.sites.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.testgen.testkit.sites.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a corpus app is, written down beside it: its page templates, its forms, the features a user
 * of it has (each with the requests that prove it was exercised) and the requests exploration must
 * never send. Loaded from {@code corpus/<name>.json} (snake_case) on the classpath.
 *
 * @param app the app's name, as {@link CorpusApp#name()}
 * @param kind {@code server-rendered}, {@code spa} or {@code admin}
 * @param startPath where a crawl starts
 * @param login credentials of the app's form login; null when it has none
 * @param forbidden requests a default run's exploration must never send
 * @param never requests no run may send while exploring, whatever it allows: the signed-in
 *     account's own password, record or deletion, a delete of a record the app had
 * @param allowDestructive the quality bench runs it with {@code allow_destructive} (some of its
 *     features are forms a default run refuses: accounts, roles, deletes)
 */
public record GroundTruth(
    String app,
    String kind,
    String startPath,
    Login login,
    List<Template> templates,
    List<Form> forms,
    List<Feature> features,
    List<Forbidden> forbidden,
    List<Forbidden> never,
    boolean allowDestructive) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public GroundTruth {
    templates = templates == null ? List.of() : List.copyOf(templates);
    forms = forms == null ? List.of() : List.copyOf(forms);
    features = features == null ? List.of() : List.copyOf(features);
    forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
    never = never == null ? List.of() : List.copyOf(never);
  }

  /** The ground truth of the corpus app {@code name}, from {@code corpus/<name>.json}. */
  public static GroundTruth load(String name) {
    String resource = "corpus/" + name + ".json";
    try (InputStream in = GroundTruth.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no ground truth " + resource);
      return JSON.readValue(in, GroundTruth.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The features every proof of which is matched by at least one of {@code requests}. */
  public List<Feature> exercised(List<RecordedRequest> requests) {
    return features.stream().filter(f -> f.exercisedBy(requests)).toList();
  }

  /** Share of features exercised by {@code requests}, 0..1 (1 when there are no features). */
  public double coverage(List<RecordedRequest> requests) {
    return features.isEmpty() ? 1.0 : (double) exercised(requests).size() / features.size();
  }

  /** The requests among {@code requests} that exploration must never have sent. */
  public List<RecordedRequest> forbiddenSent(List<RecordedRequest> requests) {
    return requests.stream().filter(r -> forbidden.stream().anyMatch(f -> f.matches(r))).toList();
  }

  /** The requests among {@code requests} that no exploration may send, whatever it allows. */
  public List<RecordedRequest> neverSent(List<RecordedRequest> requests) {
    return requests.stream().filter(r -> never.stream().anyMatch(f -> f.matches(r))).toList();
  }

  /** The template whose path regex full-matches {@code path}, or null. */
  public Template templateOf(String path) {
    return templates.stream().filter(t -> t.matches(path)).findFirst().orElse(null);
  }

  /**
   * The template of a page at {@code path} whose main heading is {@code heading}: the first whose
   * path regex full-matches and whose heading regex (when both are known) full-matches too; null
   * when none does. One path can show several templates (a search answering with its form).
   */
  public Template templateOf(String path, String heading) {
    return templates.stream()
        .filter(t -> t.matches(path))
        .filter(t -> heading == null || t.heading() == null || heading.matches(t.heading()))
        .findFirst()
        .orElse(null);
  }

  /**
   * As {@link #templateOf(String, String)}, also matching a hash-routed app's URL {@code fragment}
   * (without {@code #}; null or empty for none) against templates that name one.
   */
  public Template templateOf(String path, String fragment, String heading) {
    String f = fragment == null ? "" : fragment;
    return templates.stream()
        .filter(t -> t.matches(path))
        .filter(t -> t.fragment() == null || f.matches(t.fragment()))
        .filter(t -> heading == null || t.heading() == null || heading.matches(t.heading()))
        .findFirst()
        .orElse(null);
  }

  public Feature feature(String id) {
    return features.stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no feature " + id + " in " + app));
  }

  /** Credentials of the app's form login. */
  public record Login(String username, String password) {}

  /**
   * A page template: all pages whose path full-matches {@code path} are instances of it.
   *
   * @param heading regex full-matching the page's main heading text; null when it has none
   * @param fragment for hash-routed single-page apps, regex full-matching the URL fragment without
   *     {@code #}; null when the template does not depend on it (an addition to the spec)
   */
  public record Template(String id, String path, String heading, String fragment) {
    public boolean matches(String urlPath) {
      return Pattern.compile(path).matcher(urlPath).matches();
    }
  }

  /**
   * A form of the app: shown on {@code template}, submitted with {@code method} to a path
   * full-matching {@code action}.
   *
   * @param kind create, edit, search, delete, login, logout, account or filter
   * @param onEveryPage the form is in the frame of every page (a logout or header search form), so
   *     it counts once (an addition to the spec)
   */
  public record Form(
      String id, String template, String method, String action, String kind, boolean onEveryPage) {}

  /**
   * What a user of the app does, proven by requests.
   *
   * @param risk critical, high, medium or low: what a product owner would say a failure costs
   * @param riskReason the label's reason in one line
   * @param gestures regexes full-matching a test step's words that exercise the feature in the page
   *     ({@code press Enter in '<field>'}, {@code click '<name>'}, {@code double-click ...}), for
   *     features whose proof is the app's own telemetry rather than a request a form or URL sends
   *     (an addition to the spec; empty when none)
   */
  public record Feature(
      String id,
      String name,
      String risk,
      String riskReason,
      List<Proof> proof,
      List<String> gestures) {
    public Feature {
      proof = proof == null ? List.of() : List.copyOf(proof);
      gestures = gestures == null ? List.of() : List.copyOf(gestures);
    }

    /** A feature without gestures. */
    public Feature(String id, String name, String risk, String riskReason, List<Proof> proof) {
      this(id, name, risk, riskReason, proof, null);
    }

    /** True when one of its gestures full-matches the words of {@code step}. */
    public boolean exercisedByStep(String step) {
      return step != null && gestures.stream().anyMatch(g -> Pattern.matches(g, step));
    }

    /** True when every proof entry is matched by at least one of {@code requests}. */
    public boolean exercisedBy(List<RecordedRequest> requests) {
      return proof.stream().allMatch(p -> requests.stream().anyMatch(p::matches));
    }
  }

  /**
   * One request that proves a feature was exercised. Null fields match anything.
   *
   * @param path regex full-matching the request path
   * @param status the statuses that count
   * @param form per parameter, a regex full-matching the posted value (the parameter must exist)
   * @param query regex full-matching the raw query string (an addition to the spec)
   * @param outcome regex full-matching the outcome the app named (an addition to the spec)
   */
  public record Proof(
      String method,
      String path,
      List<Integer> status,
      Map<String, String> form,
      String query,
      String outcome) {
    public boolean matches(RecordedRequest r) {
      return Matching.matches(method, path, status, form, query, outcome, r);
    }
  }

  /** A request exploration must never send unless destructive actions are allowed. */
  public record Forbidden(String method, String path, Map<String, String> form, String why) {
    public boolean matches(RecordedRequest r) {
      return Matching.matches(method, path, null, form, null, null, r);
    }
  }

  private static final class Matching {
    static boolean matches(
        String method,
        String path,
        List<Integer> status,
        Map<String, String> form,
        String query,
        String outcome,
        RecordedRequest r) {
      if (method != null && !method.equalsIgnoreCase(r.method())) return false;
      if (path != null && !Pattern.compile(path).matcher(r.path()).matches()) return false;
      if (status != null && !status.isEmpty() && !status.contains(r.status())) return false;
      if (query != null && !Pattern.compile(query).matcher(r.query()).matches()) return false;
      if (outcome != null
          && (r.outcome() == null || !Pattern.compile(outcome).matcher(r.outcome()).matches()))
        return false;
      if (form != null)
        for (Map.Entry<String, String> e : form.entrySet()) {
          String value = r.form().get(e.getKey());
          if (value == null || !Pattern.compile(e.getValue()).matcher(value).matches())
            return false;
        }
      return true;
    }
  }
}
