package io.testgen.worker.evolution;

import com.microsoft.playwright.Page;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.Repair;
import io.testgen.common.agents.evolution.StepAction;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a way past a failing step on the live page where it failed, in the order the spec gives:
 * the element's other locators, then the element re-found by role and (part of) its name, then by
 * its text, then an explicit wait for the expected state. An expectation whose locator is itself
 * the assertion (a heading's text, a message) is never re-pointed: that would hide a real change.
 */
final class StepRepairer {
  /** A changed test and what was changed. */
  record Proposal(List<TestStep> steps, Repair repair) {}

  private static final Pattern SNAPSHOT_NAME =
      Pattern.compile("^- [\\w-]+ \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Set<StepAction> RELOCATABLE =
      EnumSet.of(
          StepAction.CLICK,
          StepAction.DBLCLICK,
          StepAction.HOVER,
          StepAction.CLICK_EXPECT_OK,
          StepAction.FILL,
          StepAction.SELECT,
          StepAction.CHECK,
          StepAction.PRESS,
          StepAction.EXPECT_TEXT,
          StepAction.EXPECT_VALUE);

  /** Locators (and waits) already tried, so repeated rounds try something new. */
  private final Set<String> tried = new LinkedHashSet<>();

  Optional<Proposal> propose(GeneratedTest test, int index, Page page, String unique) {
    TestStep step = test.steps().get(index);
    if (!Steps.usesElement(step)) return Optional.empty();
    tried.add(index + ":" + Steps.describe(step.locators().get(0)));
    if (RELOCATABLE.contains(step.stepAction())) {
      Optional<Proposal> found =
          alternative(test, index, page, unique)
              .or(() -> byRole(test, index, page))
              .or(() -> byText(test, index, page));
      if (found.isPresent()) return found;
    }
    return explicitWait(test, index);
  }

  private Optional<Proposal> alternative(GeneratedTest test, int index, Page page, String unique) {
    TestStep step = test.steps().get(index);
    for (Locator candidate : step.locators().subList(1, step.locators().size())) {
      if (isFresh(index, candidate) && matchesOne(PageLocators.of(page, unique(candidate), unique)))
        return Optional.of(relocate(test, index, unique(candidate), "alternative_locator"));
    }
    return Optional.empty();
  }

  private Optional<Proposal> byRole(GeneratedTest test, int index, Page page) {
    TestStep step = test.steps().get(index);
    Set<String> roles = new LinkedHashSet<>();
    step.locators().stream()
        .filter(l -> "role".equals(l.strategy()))
        .forEach(l -> roles.add(l.value()));
    Set<String> stated = new LinkedHashSet<>(roles);
    roles.addAll(impliedRoles(step.stepAction()));
    for (String role : roles) {
      for (String word : words(step)) {
        var found =
            page.getByRole(
                PageLocators.ariaRole(role),
                new Page.GetByRoleOptions()
                    .setName(Pattern.compile(UrlPattern.literal(word), Pattern.CASE_INSENSITIVE)));
        Optional<Proposal> p = roleProposal(test, index, role, found);
        if (p.isPresent()) return p;
      }
    }
    // The only element of the role the test named is the one that moved (a role merely implied
    // by the action is too weak a clue).
    for (String role : stated) {
      Optional<Proposal> p =
          roleProposal(test, index, role, page.getByRole(PageLocators.ariaRole(role)));
      if (p.isPresent()) return p;
    }
    return Optional.empty();
  }

  private Optional<Proposal> roleProposal(
      GeneratedTest test, int index, String role, com.microsoft.playwright.Locator found) {
    if (!matchesOne(found)) return Optional.empty();
    String name = accessibleName(found);
    Locator candidate = Locator.role(role, name, true);
    if (!isFresh(index, candidate)) return Optional.empty();
    Page page = found.page();
    var check =
        name == null
            ? page.getByRole(PageLocators.ariaRole(role))
            : page.getByRole(
                PageLocators.ariaRole(role),
                new Page.GetByRoleOptions().setName(name).setExact(true));
    if (!matchesOne(check)) return Optional.empty();
    return Optional.of(relocate(test, index, candidate, "refind_by_role"));
  }

  private Optional<Proposal> byText(GeneratedTest test, int index, Page page) {
    for (String word : words(test.steps().get(index))) {
      var found = page.getByText(word);
      if (!matchesOne(found)) continue;
      String text = found.innerText().strip();
      if (text.isEmpty() || text.length() > 80 || !matchesOne(page.getByText(text))) continue;
      Locator candidate = new Locator("text", text, null, true);
      if (isFresh(index, candidate))
        return Optional.of(relocate(test, index, candidate, "refind_by_text"));
    }
    return Optional.empty();
  }

  private Optional<Proposal> explicitWait(GeneratedTest test, int index) {
    TestStep step = test.steps().get(index);
    if (step.stepAction() == StepAction.WAIT_FOR) return Optional.empty();
    if (index > 0 && test.steps().get(index - 1).stepAction() == StepAction.WAIT_FOR)
      return Optional.empty();
    if (!tried.add(index + ":wait")) return Optional.empty();
    List<TestStep> steps = new ArrayList<>(test.steps());
    TestStep wait = Steps.waitFor(step.locators(), Steps.describe(step.locators().get(0)));
    steps.add(index, wait);
    String target = Steps.describe(step.locators().get(0));
    return Optional.of(
        new Proposal(steps, new Repair(index, "wait", Steps.describe(step), "wait_for " + target)));
  }

  private Proposal relocate(GeneratedTest test, int index, Locator found, String method) {
    TestStep step = test.steps().get(index);
    tried.add(index + ":" + Steps.describe(found));
    List<Locator> locators = new ArrayList<>();
    locators.add(found);
    step.locators().stream().filter(l -> !l.equals(found)).forEach(locators::add);
    List<TestStep> steps = new ArrayList<>(test.steps());
    steps.set(
        index,
        new TestStep(
            step.action(), List.copyOf(locators), step.value(), step.secret(), step.description()));
    return new Proposal(
        steps,
        new Repair(index, method, Steps.describe(step.locators().get(0)), Steps.describe(found)));
  }

  private boolean isFresh(int index, Locator candidate) {
    return !tried.contains(index + ":" + Steps.describe(candidate));
  }

  private static Locator unique(Locator l) {
    return new Locator(l.strategy(), l.value(), l.name(), true);
  }

  private static boolean matchesOne(com.microsoft.playwright.Locator locator) {
    try {
      return locator.count() == 1 && locator.isVisible();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String accessibleName(com.microsoft.playwright.Locator found) {
    try {
      Matcher m = SNAPSHOT_NAME.matcher(found.ariaSnapshot().strip());
      if (m.find()) return m.group(1).replace("\\\"", "\"");
    } catch (RuntimeException ignored) {
      // fall through to no name
    }
    return null;
  }

  private static List<String> impliedRoles(StepAction action) {
    return switch (action) {
      case FILL, PRESS -> List.of("textbox");
      case SELECT -> List.of("combobox");
      case CHECK -> List.of("checkbox");
      case CLICK, CLICK_EXPECT_OK -> List.of("button", "link");
      default -> List.of();
    };
  }

  /** Significant words of the names and texts the element was known by, longest first. */
  private static List<String> words(TestStep step) {
    Set<String> words = new LinkedHashSet<>();
    for (Locator l : step.locators()) {
      String text = "role".equals(l.strategy()) ? l.name() : l.value();
      if (text == null || "css".equals(l.strategy()) || "test_id".equals(l.strategy())) continue;
      for (String w : text.split("[^\\p{L}\\p{N}]+"))
        if (w.length() >= 3 && !w.contains("{")) words.add(w);
    }
    List<String> sorted = new ArrayList<>(words);
    sorted.sort((a, b) -> b.length() - a.length());
    return sorted;
  }
}
