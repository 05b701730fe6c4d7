package io.testgen.worker.evolution;

import io.testgen.common.agents.evolution.GeneratedTest;
import java.util.List;

/** What the model builder made of the scenarios: tests to verify, and scenarios it skipped. */
record TestPlan(List<GeneratedTest> candidates, List<GeneratedTest> skipped) {}
