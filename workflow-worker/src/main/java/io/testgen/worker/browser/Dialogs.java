package io.testgen.worker.browser;

/**
 * Dialogs never open in a context the worker drives: alert, confirm (answered "cancel"), prompt and
 * beforeunload are replaced by an init script that tells the console instead.
 */
public final class Dialogs {
  private Dialogs() {}

  /** Console prefix of a dialog the page tried to open (see {@link #SUPPRESS}). */
  public static final String NOTICE = "[testgen] dialog suppressed: ";

  /**
   * Init script for every crawl context: alert, confirm (answered "cancel") and prompt never open.
   * Each crawl thread has its own Playwright connection to the one Chromium; a real dialog is seen
   * by all of them, each auto-dismisses it, and the loser's connection dies (microsoft/playwright
   * #42827). A page that asks is told so on the console, which becomes a {@code dialog} finding.
   */
  public static final String SUPPRESS =
      """
      (() => {
        const tell = (kind, message) => {
          try { console.warn('%s' + kind + ' ' + String(message === undefined ? '' : message).slice(0, 120)); } catch (e) {}
        };
        window.alert = (m) => { tell('alert', m); };
        window.confirm = (m) => { tell('confirm', m); return false; };
        window.prompt = (m) => { tell('prompt', m); return null; };
        const add = EventTarget.prototype.addEventListener;
        EventTarget.prototype.addEventListener = function (type, listener, options) {
          if (type === 'beforeunload') return;
          return add.call(this, type, listener, options);
        };
        Object.defineProperty(window, 'onbeforeunload', { set() {}, get() { return null; }, configurable: true });
      })();
      """
          .formatted(NOTICE);
}
