package io.testgen.worker.observation;

/** A link seen on a state; becomes a transition once its target's state is known. */
public record LinkEdge(String fromStateId, String url, String elementId, String label) {}
