package io.testgen.worker.browser;

import com.microsoft.playwright.BrowserContext;

/** A browser context on loan from the {@link BrowserPool}; closing it frees the slot. */
public final class ContextLease implements AutoCloseable {
  private final BrowserContext context;
  private final Runnable release;
  private boolean closed;

  ContextLease(BrowserContext context, Runnable release) {
    this.context = context;
    this.release = release;
  }

  public BrowserContext context() {
    return context;
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    try {
      context.close();
    } catch (RuntimeException ignored) {
      // the browser may be gone already
    } finally {
      release.run();
    }
  }
}
