package io.testgen.worker.observation;

import io.testgen.common.agents.observation.SignOut;
import io.testgen.common.url.UrlParts;
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
   * one, else {@link FormProber#purpose}.
   */
  static String purpose(PageSnapshot snap, PageSnapshot.RawForm form, String pageUrl) {
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

  /** A refusal of one submission of a form, or null when it may be submitted. */
  record Refusal(String findingKind, String reason) {}

  Refusal refuse(String purpose, String method) {
    if (LOGOUT.equals(purpose)) return new Refusal("skipped_destructive", "");
    boolean risky =
        DELETE.equals(purpose)
            || ACCOUNT.equals(purpose)
            || PAYMENT.equals(purpose)
            || SEND.equals(purpose);
    if (risky && !allowDestructive) return new Refusal("skipped_destructive", "");
    if (!isGet(method) && !allowWrites) return new Refusal("skipped_write", "allow_writes is off");
    return null;
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
