/**
 * The Evolution agent: scenarios become tests that pass against the live app.
 *
 * <pre>
 * scenarios + observation --TestModelBuilder--> candidate tests (structured steps; skipped ones with a reason)
 *   --SuiteVerifier (parallel contexts from the BrowserPool, TestExecutor per run)-->
 *       pass          -> re-run N times: all pass = passed, else flaky
 *       fail, fail    -> StepRepairer on the live page (other locators, role+name, text, wait) -> re-run
 *       fail, pass    -> flaky
 *   [baseline]  re-verify the earlier suite; rebuild broken tests from the current observation;
 *               retire tests whose states are gone; add tests for new scenarios -> SuiteDiff
 *   --> suite.json (SuiteModel), TypeScriptSuiteRenderer / JavaSuiteRenderer -> zips in the ArtifactStore
 * </pre>
 *
 * {@link io.testgen.worker.evolution.SuiteEvolution} is the core (no Temporal); {@link
 * io.testgen.worker.evolution.EvolutionActivitiesImpl} adds heartbeats, cancellation and progress.
 * The renderers are pure functions of the test model and emit the same Playwright calls the
 * executor makes, so what was verified is what is shipped.
 */
package io.testgen.worker.evolution;
