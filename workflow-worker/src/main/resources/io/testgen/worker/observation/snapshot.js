// Observation's one look at a page: structure signature, elements with locator facts, forms,
// accessibility facts. Runs in the page; returns plain JSON. Bounded for huge pages.
(limits) => {
  const MAX_NODES = limits.maxNodes, MAX_CANDIDATES = limits.maxCandidates;
  const clean = (s, n) => (s || '').replace(/\s+/g, ' ').trim().slice(0, n || 120);
  const visible = (el) => {
    if (!el.isConnected) return false;
    if (el.checkVisibility) return el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'META', 'LINK', 'BR', 'WBR']);

  // Structure signature: visible element tree, tags plus role/type, repeated siblings collapsed.
  let nodes = 0;
  const sig = (el, depth) => {
    nodes++;
    let s = el.tagName.toLowerCase();
    const role = el.getAttribute('role');
    if (role) s += '[' + role + ']';
    const type = el.getAttribute('type');
    if (el.tagName === 'INPUT' || el.tagName === 'BUTTON') s += '(' + (type || '').toLowerCase() + ')';
    if (el.tagName === 'svg' || depth > 14) return s;
    const parts = [];
    let prev = null;
    // an open shadow root renders instead of (and around slots of) the light children
    const kids = el.shadowRoot ? [...el.shadowRoot.children, ...el.children] : el.children;
    for (const child of kids) {
      if (nodes > MAX_NODES) break;
      if (SKIP.has(child.tagName) || !visible(child)) continue;
      const c = sig(child, depth + 1);
      if (c !== prev) parts.push(c);
      prev = c;
    }
    return parts.length ? s + '{' + parts.join(',') + '}' : s;
  };
  // Every element, open shadow roots included (document order, hosts before their shadow content).
  const deepAll = (limit) => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (out.length >= limit) return;
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  };
  const deepQuery = (sel, limit) => deepAll(MAX_NODES).filter((el) => el.matches(sel)).slice(0, limit || MAX_NODES);
  // What the user sees, over the whole page however deeply nested: landmarks, heading levels,
  // forms and their fields, kinds of main content, and the hash route. Text stays out, so the
  // instances of one template keep one fingerprint.
  const semantics = () => {
    const els = deepAll(MAX_NODES).filter((el) => !SKIP.has(el.tagName));
    const vis = (el) => visible(el);
    const landmarks = new Set();
    const LM = { HEADER: 'banner', NAV: 'navigation', MAIN: 'main', ASIDE: 'complementary', FOOTER: 'contentinfo' };
    const kinds = new Set();
    const levels = [];
    const forms = [];
    for (const el of els) {
      const role = el.getAttribute('role');
      const landmark = LM[el.tagName] || ['banner', 'navigation', 'main', 'complementary', 'contentinfo', 'search', 'dialog', 'alertdialog'].includes(role);
      if (landmark && vis(el)) landmarks.add(role || LM[el.tagName]);
      // a form is a form whatever its role: a search landmark on a books list sends to the books
      if (landmark && el.tagName !== 'FORM') continue;
      if (/^H[1-6]$/.test(el.tagName)) {
        if (vis(el) && levels[levels.length - 1] !== el.tagName) levels.push(el.tagName);
      } else if (el.tagName === 'FORM') {
        if (vis(el)) {
          const names = Array.from(el.elements).filter((f) => f.type !== 'hidden' && f.name).map((f) => f.name).sort();
          // where it is sent, numbers masked: a new and an edit form with the same fields differ
          let action = '';
          try { action = new URL(el.action, location.href).pathname.replace(/[0-9]+/g, '#'); } catch (e) {}
          forms.push((el.getAttribute('method') || 'get').toLowerCase() + ' ' + action + ':' + [...new Set(names)].join('+'));
        }
      } else if (['TABLE', 'UL', 'OL', 'DL', 'ARTICLE', 'IMG', 'VIDEO', 'PRE', 'TEXTAREA', 'SELECT', 'IFRAME', 'CANVAS'].includes(el.tagName) || role === 'grid' || role === 'list' || role === 'tablist') {
        if (vis(el)) kinds.add(role || el.tagName.toLowerCase());
      } else if (el.tagName === 'INPUT') {
        if (vis(el)) kinds.add('input-' + (el.getAttribute('type') || 'text').toLowerCase());
      }
    }
    const h = location.hash || '';
    let route = h.startsWith('#/') || h.startsWith('#!') ? h.split('?')[0].replace(/[0-9]+/g, '#') : '';
    if (route === '#/' || route === '#!/' || route === '#!') route = '';
    return '|lm:' + [...landmarks].sort().join(',') + '|h:' + levels.join(',') + '|f:' + forms.sort().join(';')
      + '|k:' + [...kinds].sort().join(',') + '|r:' + route;
  };
  const structure = (document.body ? sig(document.body, 0) : '') + semantics();

  if (limits.light) {
    return {
      url: location.href, title: document.title, structure, node_count: 0, elements: [], forms: [],
      headings: deepQuery('h1,h2,h3').filter(visible).slice(0, 10)
        .map((h) => ({ level: +h.tagName[1], text: clean(h.innerText) })),
      accessibility: null, texts: [], password_visible: false,
    };
  }
  const rendered = (el) => (el.innerText !== undefined ? el.innerText : el.textContent);
  const textOf = (el) => clean(rendered(el));
  const byId = (id) => (id ? document.getElementById(id) : null);
  // Text as Playwright's accessible-name computation reads it, which role locators match exactly:
  // DOM text (no text-transform), CSS ::before/::after content (an icon font's glyph, TodoMVC's
  // "❯"), hidden children skipped, block children spaced, open shadow roots and slots followed.
  const pseudoText = (el, which) => {
    const st = getComputedStyle(el, which);
    if (!st || st.display === 'none' || st.visibility === 'hidden') return '';
    const c = st.content || '';
    if (c.length < 2 || !((c[0] === '"' && c.endsWith('"')) || (c[0] === "'" && c.endsWith("'")))) return '';
    return (st.display || 'inline') !== 'inline' ? ' ' + c.slice(1, -1) + ' ' : c.slice(1, -1);
  };
  const accText = (el, depth) => {
    let out = pseudoText(el, '::before');
    const kids = el.shadowRoot ? el.shadowRoot.childNodes
      : el.tagName === 'SLOT' && el.assignedNodes().length ? el.assignedNodes() : el.childNodes;
    for (const n of kids) {
      if (n.nodeType === 3) { out += n.data; continue; }
      if (n.nodeType !== 1 || depth > 20 || SKIP.has(n.tagName)) continue;
      const st = getComputedStyle(n);
      if (st.display === 'none' || st.visibility === 'hidden' || n.getAttribute('aria-hidden') === 'true') continue;
      const al = n.getAttribute('aria-label');
      let t = al && al.trim() ? al : n.tagName === 'IMG' ? n.getAttribute('alt') || '' : accText(n, depth + 1);
      if (st.display !== 'inline' || n.tagName === 'BR') t = ' ' + t + ' ';
      out += t;
    }
    return out + pseudoText(el, '::after');
  };
  const accessible = (el) => accText(el, 0);
  const labelWith = (el, read) => {
    if (el.labels && el.labels.length) return clean(read(el.labels[0]));
    const lb = el.getAttribute('aria-labelledby');
    if (lb) return clean(lb.split(/\s+/).map((i) => (byId(i) ? read(byId(i)) : '')).join(' '));
    return '';
  };
  const labelOf = (el) => labelWith(el, rendered);
  // The words a person reads (read = rendered) or the name a role locator matches (accessible).
  const nameWith = (el, read) => {
    const lb = el.getAttribute('aria-labelledby');
    if (lb) return clean(lb.split(/\s+/).map((i) => (byId(i) ? read(byId(i)) : '')).join(' '));
    const al = el.getAttribute('aria-label');
    if (al && al.trim()) return clean(al);
    const tag = el.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
      const t = (el.getAttribute('type') || '').toLowerCase();
      if (['submit', 'button', 'reset'].includes(t)) return clean(el.value || (t === 'submit' ? 'Submit' : ''));
      if (t === 'image') return clean(el.getAttribute('alt'));
      const l = labelWith(el, read);
      if (l) return l;
      return clean(el.getAttribute('placeholder') || el.getAttribute('title'));
    }
    if (tag === 'IMG') return clean(el.getAttribute('alt'));
    let t = clean(read(el));
    if (!t) {
      const img = el.querySelector('img[alt]');
      if (img) t = clean(img.getAttribute('alt'));
    }
    return t || clean(el.getAttribute('title'));
  };
  const nameOf = (el) => nameWith(el, rendered);
  const roleOf = (el) => {
    const r = el.getAttribute('role');
    if (r) return r.split(/\s+/)[0];
    const tag = el.tagName;
    const t = (el.getAttribute('type') || 'text').toLowerCase();
    if (tag === 'A') return el.hasAttribute('href') ? 'link' : null;
    // a <summary> has no role for Playwright (it is the disclosure of a "group"): found by its text
    if (tag === 'BUTTON') return 'button';
    if (tag === 'SELECT') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'TEXTAREA') return 'textbox';
    if (tag === 'INPUT') {
      if (['submit', 'button', 'reset', 'image'].includes(t)) return 'button';
      if (t === 'checkbox') return 'checkbox';
      if (t === 'radio') return 'radio';
      if (t === 'range') return 'slider';
      if (t === 'number') return 'spinbutton';
      if (t === 'search') return el.list ? 'combobox' : 'searchbox';
      if (t === 'password') return null; // no ARIA role: tests find it by label
      if (['text', 'email', 'tel', 'url'].includes(t)) return el.list ? 'combobox' : 'textbox';
      return null;
    }
    if (/^H[1-6]$/.test(tag)) return 'heading';
    return null;
  };
  const cssEscape = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, '\\$&'));
  const count = (sel) => {
    try { return document.querySelectorAll(sel).length; } catch (e) { return 99; }
  };
  const small = document.getElementsByTagName('*').length <= 3000;
  // A selector for the element: a unique id, a unique name or href (small pages only: counting
  // scans the document), else an nth-of-type path anchored at an id or at body, unique by
  // construction. Returns [selector, known-unique].
  const cssOf = (el) => {
    const root = el.getRootNode();
    if (root instanceof ShadowRoot) {
      // inside an open shadow root: the host's selector, then a path inside the root (Playwright's
      // CSS engine pierces open shadow roots with the descendant combinator)
      const parts = [];
      let cur = el;
      while (cur && cur.nodeType === 1 && parts.length < 12) {
        let part = cur.tagName.toLowerCase();
        if (cur.id && /^[A-Za-z][\w-]*$/.test(cur.id) && root.querySelectorAll('#' + cssEscape(cur.id)).length === 1) {
          parts.unshift(part + '#' + cssEscape(cur.id));
          break;
        }
        const parent = cur.parentElement;
        const siblings = parent ? parent.children : root.children;
        const same = Array.from(siblings).filter((c) => c.tagName === cur.tagName);
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(cur) + 1) + ')';
        parts.unshift(part);
        cur = parent;
      }
      return [cssOf(root.host)[0] + ' ' + parts.join(' > '), true];
    }
    if (el.id && /^[A-Za-z][\w-]*$/.test(el.id) && count('#' + cssEscape(el.id)) === 1) return ['#' + cssEscape(el.id), true];
    const tag = el.tagName.toLowerCase();
    if (small) {
      const name = el.getAttribute('name');
      if (name) {
        const s = tag + '[name="' + name.replace(/"/g, '\\"') + '"]';
        if (count(s) === 1) return [s, true];
      }
      const href = el.getAttribute('href');
      if (tag === 'a' && href && href.length < 100) {
        const s = 'a[href="' + href.replace(/"/g, '\\"') + '"]';
        if (count(s) === 1) return [s, true];
      }
    }
    const parts = [];
    let cur = el;
    let anchored = false;
    while (cur && cur.nodeType === 1 && parts.length < 12) {
      if (cur === document.body) { parts.unshift('body'); anchored = true; break; }
      if (cur !== el && cur.id && /^[A-Za-z][\w-]*$/.test(cur.id) && document.querySelectorAll('#' + cssEscape(cur.id)).length === 1) {
        parts.unshift('#' + cssEscape(cur.id)); anchored = true; break;
      }
      let part = cur.tagName.toLowerCase();
      const parent = cur.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.tagName === cur.tagName);
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(cur) + 1) + ')';
      }
      parts.unshift(part);
      cur = parent;
    }
    return [parts.join(' > '), anchored];
  };
  const DESTRUCTIVE = /\b(log ?out|sign ?out|delete|remove|destroy|erase|drop|unsubscribe|deactivate|close account)\b/i;

  // Candidates: links, buttons, inputs, and clickables that change the page without a link.
  const all = deepAll(MAX_NODES);
  const cands = [];
  const seen = new Set();
  const add = (el, kind) => {
    if (seen.has(el) || cands.length >= MAX_CANDIDATES) return;
    seen.add(el);
    cands.push({ el, kind });
  };
  for (const el of all) {
    if (SKIP.has(el.tagName) || !visible(el)) continue;
    const tag = el.tagName;
    const role = el.getAttribute('role');
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (tag === 'A' && el.hasAttribute('href')) add(el, 'link');
    else if (tag === 'BUTTON' || (tag === 'INPUT' && ['submit', 'button', 'reset', 'image'].includes(type))) add(el, 'button');
    else if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') { if (type !== 'hidden') add(el, 'input'); }
    else if (tag === 'SUMMARY' || ['button', 'tab', 'menuitem', 'switch', 'option', 'treeitem'].includes(role)) add(el, 'clickable');
    else if (el.hasAttribute('onclick') || el.hasAttribute('data-action') || el.hasAttribute('ng-click') || el.hasAttribute('@click') || el.hasAttribute('v-on:click')) add(el, 'clickable');
  }
  // Pointer-cursor elements catch listeners added from script (frameworks), topmost only.
  if (cands.length < MAX_CANDIDATES) {
    for (const el of all.slice(0, 3000)) {
      if (!['DIV', 'SPAN', 'LI', 'LABEL', 'TD', 'I', 'IMG', 'P', 'svg'].includes(el.tagName) || seen.has(el)) continue;
      if (el.closest('a,button,label[for]')) continue;
      const st = getComputedStyle(el);
      if (st.cursor !== 'pointer') continue;
      if (el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer') continue;
      if (visible(el)) add(el, 'clickable');
    }
  }

  const facts = cands.map(({ el, kind }) => {
    const role = roleOf(el);
    const name = nameOf(el);
    return {
      el, kind, role, name,
      roleName: role ? nameWith(el, accessible) : '',
      tag: el.tagName.toLowerCase(),
      type: (el.getAttribute('type') || '').toLowerCase(),
      text: kind === 'input' ? '' : textOf(el),
      label: kind === 'input' ? labelOf(el) : '',
      hintText: clean(el.getAttribute('placeholder')),
      testId: el.getAttribute('data-testid') || el.getAttribute('data-test-id') || el.getAttribute('data-test') || '',
      href: kind === 'link' ? el.href : null,
      cssPair: cssOf(el),
    };
  });
  const lc = (s) => (s || '').toLowerCase();
  const countWhere = (pred) => facts.reduce((n, f) => n + (pred(f) ? 1 : 0), 0);
  const out = facts.map((f, i) => {
    const form = f.el.form || f.el.closest('form');
    const formIndex = form ? Array.from(document.forms).indexOf(form) : -1;
    const destructive = DESTRUCTIVE.test(f.name + ' ' + f.text + ' ' + (f.href || '') + ' ' + (f.el.getAttribute('value') || ''));
    return {
      index: i, kind: f.kind, tag: f.tag, type: f.type, role: f.role, name: f.name, text: f.text,
      href: f.href, label: f.label, hint_text: f.hintText, test_id: f.testId, css: f.cssPair[0],
      role_name: f.roleName,
      form_index: formIndex,
      submit: f.kind === 'button' && !!form && (f.type === 'submit' || f.type === 'image' || (f.tag === 'button' && !f.type)),
      destructive,
      counts: {
        role: f.role && f.roleName ? countWhere((g) => g.role === f.role && lc(g.roleName).includes(lc(f.roleName))) : 0,
        label: f.label ? countWhere((g) => g.label && lc(g.label).includes(lc(f.label))) : 0,
        hint_text: f.hintText ? countWhere((g) => g.hintText && lc(g.hintText).includes(lc(f.hintText))) : 0,
        test_id: f.testId ? count('[data-testid="' + f.testId.replace(/"/g, '\\"') + '"]') : 0,
        text: f.text ? countWhere((g) => g.text && lc(g.text).includes(lc(f.text))) : 0,
        css: f.cssPair[1] ? 1 : small ? count(f.cssPair[0]) : 0,
      },
    };
  });

  const forms = Array.from(document.forms).slice(0, 20).map((form, fi) => {
    const fields = [];
    const radios = new Set();
    for (const el of Array.from(form.elements).slice(0, 40)) {
      const tag = el.tagName;
      const type = (el.getAttribute('type') || (tag === 'SELECT' ? 'select' : tag === 'TEXTAREA' ? 'textarea' : 'text')).toLowerCase();
      if (tag === 'BUTTON' || tag === 'FIELDSET' || tag === 'OBJECT' || tag === 'OUTPUT') continue;
      if (['submit', 'button', 'reset', 'image', 'hidden'].includes(type)) continue;
      if (type === 'radio') {
        if (radios.has(el.name)) continue;
        radios.add(el.name);
      }
      let options = [];
      if (tag === 'SELECT') options = Array.from(el.options).slice(0, 30).map((o) => o.value);
      if (type === 'radio') options = Array.from(form.querySelectorAll('input[type=radio]')).filter((r) => r.name === el.name).slice(0, 30).map((r) => r.value);
      const idx = cands.findIndex((c) => c.el === el);
      fields.push({
        name: el.name || el.id || '', type, label: labelOf(el) || clean(el.getAttribute('aria-label')) || clean(el.getAttribute('placeholder')),
        required: el.required || el.getAttribute('aria-required') === 'true',
        pattern: el.getAttribute('pattern'), min: el.getAttribute('min'), max: el.getAttribute('max'),
        min_length: el.minLength > 0 ? el.minLength : null, max_length: el.maxLength > 0 ? el.maxLength : null,
        options, element_index: idx, visible: visible(el), hint_text: clean(el.getAttribute('placeholder')),
        // what a text field holds now (never a password's): tells a form editing the signed-in account
        value: ['password', 'file', 'checkbox', 'radio', 'select'].includes(type) ? '' : String(el.value || '').slice(0, 120),
        autocomplete: (el.getAttribute('autocomplete') || '').toLowerCase(),
      });
    }
    const submitIdx = cands.findIndex((c) => out[cands.indexOf(c)].submit && out[cands.indexOf(c)].form_index === fi);
    return {
      index: fi, action: form.action, method: (form.getAttribute('method') || 'get').toLowerCase(),
      id: form.id || '', role: form.getAttribute('role') || '', novalidate: form.noValidate,
      text: clean(form.innerText, 200), fields, submit_index: submitIdx, visible: visible(form),
    };
  });

  const headings = deepQuery('h1,h2,h3,h4,h5,h6').filter(visible).slice(0, 30)
    .map((h) => ({ level: +h.tagName[1], text: clean(h.innerText) }));
  let orderValid = true;
  for (let i = 1; i < headings.length; i++) if (headings[i].level > headings[i - 1].level + 1) orderValid = false;
  const imgs = Array.from(document.images);
  const unlabelled = out.filter((e) => e.kind === 'input' && !e.name && e.type !== 'hidden').slice(0, 20).map((e) => e.css);
  const texts = [];
  for (const el of deepQuery('[role=status],[role=alert],[aria-live],li,p,td,h1,h2,h3,dd,.flash,.message,.notice,label')) {
    if (texts.length >= 300) break;
    const t = clean(el.innerText, 120);
    if (t && visible(el)) texts.push(t);
  }
  return {
    url: location.href, title: document.title, structure, node_count: document.getElementsByTagName('*').length,
    elements: out, forms, headings,
    accessibility: {
      h1_count: headings.filter((h) => h.level === 1).length, heading_order_valid: orderValid,
      unlabelled_inputs: unlabelled, images_without_alt: imgs.filter((i) => !i.hasAttribute('alt')).slice(0, 20).map((i) => clean(i.getAttribute('src'), 200)),
      image_count: imgs.length, has_lang: !!document.documentElement.getAttribute('lang'),
    },
    texts,
    // the page's own paragraphs, not its chrome, a form's hints or a message flashed after an
    // action: what a render test may assert
    paragraphs: deepQuery('p').filter((p) => visible(p)
        && !p.closest('nav,header,footer,form,[role=navigation],[role=status],[role=alert],[aria-live],.flash,.alert,.messages,.message,.notice,.toast'))
      .slice(0, 20).map((p) => clean(p.innerText, 300)).filter((t) => t),
    password_visible: deepQuery('input[type=password]').some(visible),
  };
}
