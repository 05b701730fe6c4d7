package io.testgen.worker.observation;

import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.observation.WriteInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The crawl's shared state: what was visited, the state graph, forms, findings and writes found so
 * far, and (delegated) the {@link Frontier}. All crawl threads go through this one monitor, which
 * may call into the frontier's but never the other way round; every method is short.
 */
final class CrawlModel {
  private final Frontier frontier;
  private final Map<String, String> urlStates = new LinkedHashMap<>();
  private final Set<String> claimed = new LinkedHashSet<>();
  private final Set<String> probedForms = new HashSet<>();
  private final Map<String, StateInfo> states = new LinkedHashMap<>();
  private final Map<String, FormInfo> forms = new LinkedHashMap<>();
  private final Set<Transition> transitions = new LinkedHashSet<>();
  private final Set<LinkEdge> linkEdges = new LinkedHashSet<>();
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final StatePaths paths = new StatePaths();
  private final Map<String, String> formIds = new LinkedHashMap<>();
  private final List<WriteInfo> writes = new ArrayList<>();
  private String startStateId;
  private GoalOutcome goal;
  private int actionsTried;
  private volatile String currentUrl;

  CrawlModel(int maxPages, int maxUrlsPerPattern) {
    this.frontier = new Frontier(maxPages, maxUrlsPerPattern);
  }

  // ---- frontier

  /** Queues a document URL unless seen, off budget, or a trap; true when queued. */
  boolean offerUrl(
      String normalisedUrl, int depth, String fromStateId, String label, double score) {
    Frontier.Offer offer = frontier.offerUrl(normalisedUrl, depth, fromStateId, label, score);
    if (offer.trap() != null)
      addFinding(new Finding("trap", normalisedUrl, null, offer.trap()), "trap|" + offer.pattern());
    return offer.queued();
  }

  /** Queues an in-page state reached by replaying {@code steps} after loading {@code url}. */
  void offerSteps(
      String url, List<PathStep> steps, int depth, String fromStateId, String label, double score) {
    frontier.offerSteps(url, steps, depth, fromStateId, label, score);
  }

  /** Next task, waiting while others may still add some; null when the crawl is over. */
  CrawlTask take() throws InterruptedException {
    return frontier.take();
  }

  void done(CrawlTask task) {
    frontier.done(task);
  }

  void stop() {
    frontier.stop();
  }

  /** Counts a page load against max_pages; false when the budget is spent. */
  boolean countPage() {
    return frontier.countPage();
  }

  synchronized void countAction() {
    actionsTried++;
  }

  // ---- states

  /**
   * Claims a form (by action, method and field names) for submission; false when the same form was
   * already submitted on another state (a search box in every page's header).
   */
  synchronized boolean claimFormProbe(String signature) {
    return probedForms.add(signature);
  }

  /** Claims a fingerprint for exploration; false when already claimed. */
  synchronized boolean claim(String fingerprint) {
    return claimed.add(fingerprint);
  }

  /**
   * Adds a new state, or an instance URL to a known one (at most {@code maxInstances}); true when
   * the state is new.
   */
  synchronized boolean register(StateInfo state, int maxInstances, String parent, String label) {
    claimed.add(state.fingerprint());
    StateInfo existing = states.get(state.stateId());
    if (existing == null) {
      states.put(state.stateId(), state);
      if (startStateId == null) startStateId = state.stateId();
      paths.reached(state.stateId(), parent, label);
      return true;
    }
    if (existing.instanceUrls().size() < maxInstances
        && !existing.instanceUrls().contains(state.url())) {
      List<String> urls = new ArrayList<>(existing.instanceUrls());
      urls.add(state.url());
      states.put(existing.stateId(), StateRecorder.withInstances(existing, urls));
    }
    return false;
  }

  /** Marks a URL as visited; {@code stateId} null when it showed no state (an error page). */
  synchronized void visited(String normalisedUrl, String stateId) {
    if (normalisedUrl == null) return;
    if (stateId != null) urlStates.putIfAbsent(normalisedUrl, stateId);
    frontier.seen(normalisedUrl);
  }

  /** The id of the form with this signature: {@code proposed} unless one was given before. */
  synchronized String formIdFor(String signature, String proposed) {
    String id = formIds.get(signature);
    if (id != null) return id;
    id = proposed;
    for (int k = 2; formIds.containsValue(id); k++) id = proposed + "-" + k;
    formIds.put(signature, id);
    return id;
  }

  synchronized boolean hasForm(String formId) {
    return forms.containsKey(formId);
  }

  /**
   * Adds a form once per id; a probed copy (with submissions) replaces one another thread added.
   */
  synchronized void addForm(FormInfo form) {
    FormInfo known = forms.get(form.formId());
    if (known != null && (!known.submissions().isEmpty() || form.submissions().isEmpty())) return;
    forms.put(form.formId(), form);
    StateInfo s = states.get(form.stateId());
    if (s != null && !s.formIds().contains(form.formId())) {
      // a form first seen on another instance of the state (an edit page of a "new" template)
      List<String> ids = new ArrayList<>(s.formIds());
      ids.add(form.formId());
      states.put(s.stateId(), StateRecorder.with(s, ids, s.instanceUrls()));
    }
  }

  synchronized void addWrite(WriteInfo write) {
    if (writes.size() < 500) writes.add(write);
  }

  synchronized List<WriteInfo> writes() {
    return List.copyOf(writes);
  }

  synchronized void addTransition(Transition t) {
    if (t.fromStateId() != null && t.toStateId() != null) transitions.add(t);
  }

  synchronized void addLinkEdge(LinkEdge edge) {
    linkEdges.add(edge);
  }

  synchronized void addFinding(Finding f) {
    addFinding(f, f.kind() + "|" + f.url());
  }

  private void addFinding(Finding f, String key) {
    if (findings.size() < 200) findings.putIfAbsent(key, f);
  }

  /** Labels of the actions from the start state to {@code stateId}. */
  synchronized List<String> flowTo(String stateId) {
    return paths.flowTo(stateId);
  }

  synchronized void offerGoal(GoalOutcome candidate) {
    if (goal == null || (!goal.reached() && candidate.reached())) goal = candidate;
  }

  synchronized GoalOutcome goal() {
    return goal;
  }

  void currentUrl(String url) {
    currentUrl = url;
  }

  String currentUrl() {
    return currentUrl;
  }

  // ---- views

  int pagesVisited() {
    return frontier.pagesVisited();
  }

  synchronized int actionsTried() {
    return actionsTried;
  }

  synchronized int stateCount() {
    return states.size();
  }

  synchronized int formCount() {
    return forms.size();
  }

  synchronized String startStateId() {
    return startStateId;
  }

  synchronized List<StateInfo> states() {
    return List.copyOf(states.values());
  }

  synchronized List<FormInfo> forms() {
    return List.copyOf(forms.values());
  }

  synchronized List<Finding> findings() {
    return List.copyOf(findings.values());
  }

  /** Transitions, with links resolved to the states their URLs produced. */
  synchronized List<Transition> transitions() {
    Set<Transition> all = new LinkedHashSet<>(transitions);
    for (LinkEdge edge : linkEdges) {
      String to = urlStates.get(edge.url());
      if (to != null && !to.equals(edge.fromStateId()))
        all.add(new Transition(edge.fromStateId(), to, "click", edge.elementId(), edge.label()));
    }
    return List.copyOf(all);
  }

  synchronized CrawlCheckpoint checkpoint(long elapsedMillis) {
    // plain mutable copies: a null anywhere must never make a heartbeat throw
    List<CrawlTask> pending = frontier.pending();
    return new CrawlCheckpoint(
        startStateId,
        new ArrayList<>(states.values()),
        new ArrayList<>(forms.values()),
        new ArrayList<>(transitions),
        new ArrayList<>(linkEdges),
        new ArrayList<>(findings.values()),
        pending,
        CrawlCheckpoint.copy(urlStates),
        CrawlCheckpoint.copy(frontier.patternCounts()),
        new ArrayList<>(claimed),
        new ArrayList<>(probedForms),
        paths.copy(),
        goal,
        frontier.pagesVisited(),
        actionsTried,
        elapsedMillis,
        frontier.nextSeq(),
        new ArrayList<>(writes),
        CrawlCheckpoint.copy(formIds));
  }

  synchronized void restore(CrawlCheckpoint c) {
    startStateId = c.startStateId();
    c.states().forEach(s -> states.put(s.stateId(), s));
    c.forms().forEach(f -> forms.put(f.formId(), f));
    transitions.addAll(c.transitions());
    linkEdges.addAll(c.linkEdges());
    c.findings().forEach(this::addFinding);
    frontier.restore(
        c.frontier(), c.urlStates().keySet(), c.patternCounts(), c.pagesVisited(), c.nextSeq());
    urlStates.putAll(c.urlStates());
    claimed.addAll(c.claimedFingerprints());
    if (c.probedForms() != null) probedForms.addAll(c.probedForms());
    paths.restore(c.parents());
    writes.addAll(c.writes());
    formIds.putAll(c.formIds());
    goal = c.goal();
    actionsTried = c.actionsTried();
  }
}
