// One DOM fault of TestGen's mutation analysis (see FaultInjector), applied on the pages of
// cfg.path (every page when null) and re-applied after every DOM change, for single-page apps.
// Open shadow roots count as part of the page: their elements are searched and their changes
// observed, as Playwright's locators pierce them too.
(cfg) => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const target = norm(cfg.target);
  const here = () => {
    if (cfg.path == null) return true;
    const key = location.pathname + (cfg.path.includes('#') ? location.hash : '');
    return key === cfg.path;
  };
  let reported = false;
  const report = () => {
    if (reported || typeof window.__testgenFaultApplied !== 'function') return;
    reported = true;
    window.__testgenFaultApplied();
  };
  const label = (e) => norm(e.tagName === 'INPUT' ? e.value : e.innerText || e.textContent);
  // Every element of the page in document order, each open shadow root's before the host's
  // children; the shadow roots met on the way are observed from then on.
  const elements = () => {
    const out = [];
    const walk = (node) => {
      for (const e of node.children) {
        out.push(e);
        if (e.shadowRoot) {
          watch(e.shadowRoot);
          walk(e.shadowRoot);
        }
        walk(e);
      }
    };
    if (document.body) walk(document.body);
    return out;
  };
  const matching = (selector) => elements().filter((e) => e.matches(selector));
  const withText = (selector) => matching(selector).filter((e) => label(e) === target);
  // closest() across shadow boundaries: from a shadow root on to its host.
  const closest = (e, selector) => {
    for (let node = e; node; ) {
      const found = node.closest ? node.closest(selector) : null;
      if (found) return found;
      const root = node.getRootNode ? node.getRootNode() : null;
      node = root && root.host ? root.host : null;
    }
    return null;
  };
  const inChrome = (e) => closest(e, 'nav, header, footer');
  const kids = (e) => Array.from(e.children).concat(e.shadowRoot ? Array.from(e.shadowRoot.children) : []);
  const text = (e) => norm(e.shadowRoot ? e.shadowRoot.textContent + ' ' + e.textContent : e.textContent);
  // The innermost elements showing the text: removing them leaves the rest of the page alone.
  const showing = () =>
    elements().filter(
      (e) => text(e).includes(target) && !kids(e).some((c) => text(c).includes(target))
    );
  const buttons = 'button, input[type=submit], input[type=button], [role=button]';
  const apply = () => {
    if (!document.body || !here()) return;
    let changed = false;
    switch (cfg.op) {
      case 'link_missing':
        withText('a, [role=link]').forEach((e) => { e.remove(); changed = true; });
        break;
      case 'button_removed':
        withText(buttons).forEach((e) => { e.remove(); changed = true; });
        break;
      case 'button_disabled':
        withText(buttons).forEach((e) => {
          if (!e.disabled) { e.disabled = true; changed = true; }
        });
        break;
      case 'heading_text_changed':
        withText('h1, h2, h3, h4, h5, h6, [role=heading]').forEach((e) => {
          e.textContent = cfg.replacement; changed = true;
        });
        break;
      case 'label_text_changed':
        withText('label').forEach((e) => { e.textContent = cfg.replacement; changed = true; });
        break;
      case 'validation_message_missing':
      case 'success_message_missing':
        if (target) showing().forEach((e) => { e.remove(); changed = true; });
        break;
      case 'list_empty':
        matching('ul > li, ol > li, tbody > tr, [role=list] > [role=listitem]').forEach((e) => {
          if (!inChrome(e)) { e.remove(); changed = true; }
        });
        break;
      case 'detail_field_other_value': {
        const all = elements();
        if (all.some((e) => e.hasAttribute('data-testgen-fault'))) break;
        const field = all.filter((e) => e.matches('dd, td')).find(
          (e) => !inChrome(e) && norm(e.textContent) && norm(e.textContent) !== cfg.replacement
        );
        if (field) {
          field.textContent = cfg.replacement;
          field.setAttribute('data-testgen-fault', '');
          changed = true;
        }
        break;
      }
      default:
        break;
    }
    if (changed) report();
  };
  if (cfg.op === 'click_swallowed') {
    document.addEventListener(
      'click',
      (event) => {
        // composedPath()[0]: the element clicked, also inside a shadow root (event.target is its host).
        const el = closest(event.composedPath()[0] || event.target, buttons + ', a');
        if (el && here() && label(el) === target) {
          event.preventDefault();
          event.stopImmediatePropagation();
          report();
        }
      },
      true
    );
    return;
  }
  const observer = new MutationObserver(apply);
  const watched = new WeakSet();
  function watch(root) {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  }
  watch(document);
  document.addEventListener('DOMContentLoaded', apply);
  window.addEventListener('hashchange', apply);
  apply();
}
