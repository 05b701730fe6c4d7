// One DOM fault of TestGen's mutation analysis (see FaultInjector), applied on the pages of
// cfg.path (every page when null) and re-applied after every DOM change, for single-page apps.
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
  const withText = (selector) =>
    Array.from(document.querySelectorAll(selector)).filter((e) => label(e) === target);
  const inChrome = (e) => e.closest('nav, header, footer');
  // The innermost elements showing the text: removing them leaves the rest of the page alone.
  const showing = () =>
    Array.from(document.body.querySelectorAll('*')).filter(
      (e) =>
        norm(e.textContent).includes(target) &&
        !Array.from(e.children).some((c) => norm(c.textContent).includes(target))
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
        document.querySelectorAll('ul > li, ol > li, tbody > tr').forEach((e) => {
          if (!inChrome(e)) { e.remove(); changed = true; }
        });
        break;
      case 'detail_field_other_value': {
        if (document.querySelector('[data-testgen-fault]')) break;
        const field = Array.from(document.querySelectorAll('dd, td')).find(
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
        const el = event.target && event.target.closest ? event.target.closest(buttons + ', a') : null;
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
  new MutationObserver(apply).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', apply);
  window.addEventListener('hashchange', apply);
  apply();
}
