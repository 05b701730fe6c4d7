package io.testgen.worker.observation;

import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.SignOut;
import io.testgen.common.url.RecordIds;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which forms exploration may submit. Ordinary create, edit and search forms are how outcomes are
 * learnt; forms that log out are never submitted; forms that delete, manage accounts, credentials,
 * permissions or roles, pay or send messages to others only with {@code allow_destructive}; with
 * {@code allow_writes: false} only GET forms.
 */
final class FormPolicy {
  static final String LOGOUT = "logout";
  static final String DELETE = "delete";
  static final String ACCOUNT = "account";
  static final String PAYMENT = "payment";
  static final String SEND = "send";
  static final String OWN_ACCOUNT = FormInfo.OWN_ACCOUNT;

  /** A password field asking for the one in use: only the signed-in account's form has it. */
  private static final Pattern CURRENT_PASSWORD =
      Pattern.compile("current-password|(old|current)[_-]?pass(word)?");

  private static final Pattern ACCOUNT_NAME_FIELD =
      Pattern.compile("user|login|e-?mail|handle|account");

  private static final Pattern OWN_ACCOUNT_WORDS =
      Pattern.compile("\\b(delete|close|deactivate|cancel) (my |your )?account\\b");

  private static final Pattern DELETE_WORDS =
      Pattern.compile("\\b(delete|remove|destroy|erase|purge|deactivate|close account)\\b");
  private static final Pattern ACCOUNT_PATH =
      Pattern.compile(
          "/(users?|accounts?|auth|groups?|roles?|permissions?|memberships?|password|passwd|"
              + "credentials?|api-?keys?|tokens?)(/|$|\\?|\\.)");
  private static final Pattern ACCOUNT_FIELD =
      Pattern.compile(
          "^(.*permission.*|.*groups?|roles?|is_(superuser|staff|admin|active)|superuser|"
              + "old_?password|new_?password.*|password[12]|api_?key)$");
  private static final Pattern ACCOUNT_WORDS =
      Pattern.compile(
          "\\b(change password|reset password|new password|set password|add user|invite user|"
              + "grant|revoke|permissions?|roles?)\\b");
  private static final Pattern PAYMENT_FIELD =
      Pattern.compile(".*(card_?number|cc-?num|cc_?number|cvv|cvc|iban|expiry|exp_?date).*");
  private static final Pattern PAYMENT_WORDS =
      Pattern.compile("\\b(pay( now)?|pay \\S+|purchase|donate)\\b");
  private static final Pattern SEND_WORDS =
      Pattern.compile(
          "\\b(send (an? )?(email|invitation|invite|sms|newsletter)|invite|broadcast|notify all)\\b");

  private final boolean allowDestructive;
  private final boolean allowWrites;

  FormPolicy(boolean allowDestructive, boolean allowWrites) {
    this.allowDestructive = allowDestructive;
    this.allowWrites = allowWrites;
  }

  boolean allowWrites() {
    return allowWrites;
  }

  /**
   * The purpose of a form seen on {@code pageUrl}: one of the risky kinds of this class when it is
   * one, else {@link FormProber#purpose}; {@link #OWN_ACCOUNT} for a form that changes the account
   * signed in as {@code username} (null when the run signs in with none): it asks for the current
   * password; or a field naming an account holds the user name; or, an account or delete form, its
   * page's heading names the user ("Change password: admin") or its button deletes "my account".
   */
  static String purpose(
      PageSnapshot snap, PageSnapshot.RawForm form, String pageUrl, String username) {
    String purpose = basePurpose(snap, form, pageUrl);
    if (List.of("login", LOGOUT, "search").contains(purpose)) return purpose;
    if (ownAccount(snap, form, purpose, username)) return OWN_ACCOUNT;
    return purpose;
  }

  private static boolean ownAccount(
      PageSnapshot snap, PageSnapshot.RawForm form, String purpose, String username) {
    boolean asksCurrentPassword =
        form.fields().stream()
            .filter(f -> "password".equals(f.type()))
            .anyMatch(
                f ->
                    CURRENT_PASSWORD.matcher(lower(f.name())).matches()
                        || CURRENT_PASSWORD.matcher(lower(f.autocomplete())).matches());
    if (asksCurrentPassword) return true;
    String user = username == null ? "" : username.trim();
    if (user.length() < 3) return false;
    // a record holding the user name in a field that names an account (a comment form's
    // prefilled author name is no account)
    boolean holdsUser =
        form.fields().stream()
            .filter(f -> f.visible() && !"password".equals(f.type()))
            .filter(
                f ->
                    ACCOUNT.equals(purpose)
                        || ACCOUNT_NAME_FIELD.matcher(lower(f.name() + " " + f.label())).find())
            .anyMatch(f -> user.equalsIgnoreCase(String.valueOf(f.value()).trim()));
    if (holdsUser) return true;
    if (!ACCOUNT.equals(purpose) && !DELETE.equals(purpose)) return false;
    PageSnapshot.RawElement submit = snap == null ? null : snap.element(form.submitIndex());
    if (submit != null && OWN_ACCOUNT_WORDS.matcher(lower(submit.words())).find()) return true;
    Pattern named = Pattern.compile("(?<![\\w.@+-])" + Pattern.quote(lower(user)) + "(?![\\w@+-])");
    List<String> page = new ArrayList<>();
    if (snap != null && snap.headings() != null)
      snap.headings().forEach(h -> page.add(lower(h.text())));
    if (snap != null && snap.paragraphs() != null)
      snap.paragraphs().forEach(p -> page.add(lower(p)));
    return page.stream().anyMatch(t -> named.matcher(t).find());
  }

  private static String basePurpose(PageSnapshot snap, PageSnapshot.RawForm form, String pageUrl) {
    PageSnapshot.RawElement submit = snap == null ? null : snap.element(form.submitIndex());
    String submitWords = submit == null ? "" : lower(submit.words() + " " + submit.name());
    String action = lower(path(form.action()) + " " + path(pageUrl));
    String id = lower(form.id());
    long visibleFields =
        form.fields().stream().filter(f -> f.visible() && !"hidden".equals(f.type())).count();
    if (visibleFields == 0
        && (SignOut.named(submitWords + " " + action + " " + id) || SignOut.named(form.text())))
      return LOGOUT;
    String base = FormProber.purpose(form);
    if ("login".equals(base)) return base;
    if (DELETE_WORDS.matcher(submitWords + " " + action + " " + id).find()
        || (submit != null && submit.destructive())) return DELETE;
    boolean accountField =
        form.fields().stream().anyMatch(f -> ACCOUNT_FIELD.matcher(lower(f.name())).matches());
    if (accountField
        || (!"search".equals(base) && ACCOUNT_PATH.matcher(action).find())
        || ACCOUNT_WORDS.matcher(submitWords + " " + id).find()) return ACCOUNT;
    boolean paymentField =
        form.fields().stream().anyMatch(f -> PAYMENT_FIELD.matcher(lower(f.name())).matches());
    if (paymentField || PAYMENT_WORDS.matcher(submitWords).find()) return PAYMENT;
    if (SEND_WORDS.matcher(submitWords).find()) return SEND;
    return base;
  }

  /** Why a form is not submitted: the finding's kind and its reason (may be empty). */
  record Refusal(String findingKind, String reason) {}

  /** A refusal of one submission of a form seen on {@code pageUrl}, or null when it may be. */
  Refusal refuse(String purpose, String method, String pageUrl) {
    if (LOGOUT.equals(purpose)) return new Refusal("skipped_destructive", "");
    if (OWN_ACCOUNT.equals(purpose))
      return new Refusal(
          "skipped_own_account", "it would change the account this run signs in with");
    if (DELETE.equals(purpose) && !isGet(method) && onRecordPage(pageUrl))
      return new Refusal(
          "skipped_destructive", "it deletes a record the app had; tests delete their own");
    boolean risky =
        DELETE.equals(purpose)
            || ACCOUNT.equals(purpose)
            || PAYMENT.equals(purpose)
            || SEND.equals(purpose);
    if (risky && !allowDestructive) return new Refusal("skipped_destructive", "");
    if (!isGet(method) && !allowWrites) return new Refusal("skipped_write", "allow_writes is off");
    return null;
  }

  private static boolean onRecordPage(String pageUrl) {
    if (pageUrl == null) return false;
    String p = path(pageUrl).replaceAll("[?#].*$", "");
    for (String segment : p.split("/")) if (RecordIds.isId(segment)) return true;
    return false;
  }

  static boolean isGet(String method) {
    return method == null || method.isBlank() || "get".equalsIgnoreCase(method);
  }

  private static String path(String url) {
    return url == null ? "" : UrlParts.parse(url.trim()).map(UrlParts::pathAndQuery).orElse(url);
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
