package io.testgen.gateway.runs;

import java.time.Instant;

/** A stream token for one run and the stream URL that carries it. */
public record StreamTokenResponse(String token, Instant expiresAt, String streamUrl) {}
