package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.crawl;
import static io.testgen.worker.observation.SharedBrowser.crawlFresh;
import static io.testgen.worker.observation.SharedBrowser.pathOf;
import static io.testgen.worker.observation.SharedBrowser.request;
import static io.testgen.worker.observation.SharedBrowser.stateAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.observation.ValidationMessage;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The crawler on the demo app: states per template, forms, submissions, locators, stable ids. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrawlerDemoSiteTest {

  @Test
  void findsEveryStateFormAndSubmissionOfTheDemoApp() {
    ObservationResult result = crawlFresh(DemoSite::install, "wf-demo", 2, 20);
    StateInfo home = stateAt(result, "/");
    StateInfo tasks = stateAt(result, "/tasks");
    StateInfo task = stateAt(result, "/tasks/1");
    StateInfo contact = stateAt(result, "/contact");
    StateInfo about = stateAt(result, "/about");
    StateInfo search = stateAt(result, "/search?q=release");
    assertThat(result.startStateId()).isEqualTo(home.stateId());
    assertThat(home.stateId()).isEqualTo("S-" + home.fingerprint().substring(0, 8));
    assertThat(List.of(home.title(), tasks.title(), contact.title(), about.title(), search.title()))
        .containsExactly(
            "Home · Acme Tasks",
            "Tasks · Acme Tasks",
            "Contact · Acme Tasks",
            "About · Acme Tasks",
            "Search · Acme Tasks");
    // one template for every task detail page, a few instances kept
    assertThat(task.instanceUrls().stream().map(SharedBrowser::pathOf))
        .containsExactlyInAnyOrder("/tasks/1", "/tasks/2", "/tasks/3");
    assertThat(task.depth()).isEqualTo(2);
    assertThat(task.headings()).extracting(h -> h.level()).containsExactly(1);
    assertThat(home.headings())
        .extracting(h -> h.text())
        .containsExactly("Acme Tasks", "Get started");
    assertThat(home.links())
        .extracting(ElementInfo::name)
        .contains("Home", "Tasks", "Contact", "About", "Browse all tasks");
    assertThat(home.buttons()).extracting(ElementInfo::name).containsExactly("Search");
    assertThat(home.accessibility().h1Count()).isEqualTo(1);
    assertThat(home.accessibility().hasLang()).isTrue();
    assertThat(home.screenshotRef())
        .isEqualTo("runs/wf-demo/screenshots/" + home.stateId() + ".png");
    for (StateInfo s : result.states())
      assertThat(SharedBrowser.artifacts().exists(s.screenshotRef()))
          .as(s.screenshotRef())
          .isTrue();

    // locators: role + name first, each checked for uniqueness on its state
    ElementInfo homeLink =
        home.links().stream().filter(e -> "Home".equals(e.name())).findFirst().orElseThrow();
    assertThat(homeLink.locators().get(0)).isEqualTo(Locator.role("link", "Home", true));
    ElementInfo tasksLink =
        home.links().stream().filter(e -> "Tasks".equals(e.name())).findFirst().orElseThrow();
    // "Tasks" also matches "Browse all tasks" the way getByRole matches names: not unique
    assertThat(tasksLink.locators()).contains(Locator.role("link", "Tasks", false));
    assertThat(tasksLink.locators().get(0).unique()).isTrue();
    for (StateInfo s : result.states()) {
      assertThat(s.links().size() + s.buttons().size() + s.inputs().size()).isLessThanOrEqualTo(60);
      for (ElementInfo e : s.links()) assertThat(e.locators()).hasSizeBetween(1, 4);
    }

    // the search form on the home page and what it did
    FormInfo searchForm = form(result, home);
    assertThat(searchForm.formId()).isEqualTo("F-" + home.stateId().substring(2) + "-1");
    assertThat(searchForm.purpose()).isEqualTo("search");
    assertThat(searchForm.method()).isEqualTo("get");
    assertThat(searchForm.fields())
        .extracting(FieldInfo::name, FieldInfo::type, FieldInfo::label, FieldInfo::required)
        .containsExactly(tuple("q", "search", "Search tasks", true));
    assertThat(searchForm.fields().get(0).locators().get(0))
        .isEqualTo(new Locator("role", "searchbox", "Search tasks", true));
    FormSubmission validSearch = submission(searchForm, "valid");
    assertThat(validSearch.values()).containsExactly(java.util.Map.entry("q", "release"));
    assertThat(pathOf(validSearch.resultUrl())).isEqualTo("/search?q=release");
    assertThat(validSearch.resultStateId()).isEqualTo(search.stateId());
    assertThat(validSearch.newTexts()).contains("1 result(s)", "Write the release notes");
    FormSubmission emptySearch = submission(searchForm, "empty_required");
    assertThat(emptySearch.urlChanged()).isFalse();
    assertThat(emptySearch.validationMessages())
        .extracting(ValidationMessage::field, ValidationMessage::source)
        .containsExactly(tuple("q", "native"));

    // the new-task form: constraints, options, a created task, native validation
    FormInfo taskForm = form(result, tasks);
    assertThat(taskForm.purpose()).isEqualTo("create");
    assertThat(taskForm.fields())
        .extracting(
            FieldInfo::name,
            FieldInfo::type,
            FieldInfo::label,
            FieldInfo::required,
            FieldInfo::minLength,
            FieldInfo::maxLength)
        .containsExactly(
            tuple("title", "text", "Title", true, 3, 80),
            tuple("priority", "select", "Priority", false, null, null));
    assertThat(taskForm.fields().get(1).options()).containsExactly("low", "medium", "high");
    assertThat(taskForm.submit().name()).isEqualTo("Add task");
    FormSubmission created = submission(taskForm, "valid");
    assertThat(created.urlChanged()).isTrue();
    assertThat(pathOf(created.resultUrl())).isEqualTo("/tasks?created=TestGen+sample+title");
    assertThat(created.newTexts()).contains("Task created: TestGen sample title");
    assertThat(submission(taskForm, "empty_required").validationMessages())
        .extracting(ValidationMessage::field, ValidationMessage::source)
        .containsExactly(tuple("title", "native"));

    // the contact form validates on the server (novalidate): messages next to their fields
    FormInfo contactForm = form(result, contact);
    assertThat(contactForm.purpose()).isEqualTo("contact");
    assertThat(contactForm.fields())
        .extracting(FieldInfo::name, FieldInfo::type, FieldInfo::label)
        .containsExactly(
            tuple("name", "text", "Name"),
            tuple("email", "email", "Email"),
            tuple("message", "textarea", "Message"));
    FormSubmission rejected = submission(contactForm, "empty_required");
    assertThat(rejected.httpStatus()).isEqualTo(422);
    assertThat(rejected.validationMessages())
        .containsExactly(
            new ValidationMessage("name", "Name is required", "page"),
            new ValidationMessage("email", "Email is required", "page"),
            new ValidationMessage("message", "Message is required", "page"));
    FormSubmission sent = submission(contactForm, "valid");
    assertThat(sent.httpStatus()).isEqualTo(200);
    assertThat(sent.validationMessages()).isEmpty();
    assertThat(sent.newTexts())
        .contains("Thanks, Ada Lovelace. We will reply to testgen.user@example.com.");
    StateInfo thanks =
        result.states().stream()
            .filter(s -> s.stateId().equals(sent.resultStateId()))
            .findFirst()
            .orElseThrow();
    assertThat(thanks.title()).isEqualTo("Thank you · Acme Tasks");
    assertThat(thanks.path()).containsExactly("submit 'Send message'");

    // the graph: links, submissions and a way back
    assertThat(result.transitions())
        .contains(
            new Transition(
                home.stateId(),
                tasks.stateId(),
                "click",
                tasksLink.elementId(),
                "click link 'Tasks'"),
            new Transition(
                home.stateId(),
                search.stateId(),
                "submit",
                searchForm.submit().elementId(),
                "submit 'Search'"),
            new Transition(search.stateId(), home.stateId(), "back", null, "go back"));
    assertThat(result.findings()).isEmpty();
    assertThat(result.stats().pagesVisited()).isLessThanOrEqualTo(20);
  }

  @Test
  void idsAreTheSameRunAfterRun() {
    ObservationResult first = crawlFresh(DemoSite::install, "wf-a", 1, 8);
    ObservationResult second = crawlFresh(DemoSite::install, "wf-b", 1, 8);
    assertThat(ids(second)).isEqualTo(ids(first));
    assertThat(second.forms().stream().map(FormInfo::formId).collect(Collectors.toSet()))
        .isEqualTo(first.forms().stream().map(FormInfo::formId).collect(Collectors.toSet()));
    assertThat(elementIds(second)).isEqualTo(elementIds(first));
  }

  @Test
  void honoursMaxDepthAndMaxPages() {
    try (FixtureServer site = DemoSite.install(FixtureServer.start())) {
      ObservationResult shallow = crawl(request("wf-depth", site.url("/"), 1, 20));
      assertThat(shallow.states())
          .noneMatch(s -> s.instanceUrls().stream().anyMatch(u -> pathOf(u).startsWith("/tasks/")));
      assertThat(shallow.states()).allMatch(s -> s.depth() <= 2);
      stateAt(shallow, "/about");

      ObservationResult small = crawl(request("wf-pages", site.url("/"), 2, 3));
      assertThat(small.stats().pagesVisited()).isEqualTo(3);
      assertThat(small.states()).hasSizeLessThanOrEqualTo(3);
    }
  }

  private static Set<String> ids(ObservationResult r) {
    return r.states().stream().map(StateInfo::stateId).collect(Collectors.toSet());
  }

  private static Set<String> elementIds(ObservationResult r) {
    return r.states().stream()
        .flatMap(s -> s.links().stream())
        .map(ElementInfo::elementId)
        .collect(Collectors.toSet());
  }

  static FormInfo form(ObservationResult result, StateInfo state) {
    return result.forms().stream()
        .filter(f -> f.stateId().equals(state.stateId()))
        .findFirst()
        .orElseThrow();
  }

  static FormSubmission submission(FormInfo form, String kind) {
    return form.submissions().stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
  }
}
