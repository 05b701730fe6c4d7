// The crawl map: states as buttons with their screenshot as thumbnail, laid out in columns by
// distance from the start state, transitions as labelled SVG edges beneath them. Plain DOM and
// SVG, no library: a crawl has tens of states, and buttons make every node keyboard-usable.
import {h, svg} from './dom.js';

const W = 168;
const H = 140;
const COL_GAP = 96;
const ROW_GAP = 28;
const PAD = 24;

/** Column per state: breadth-first distance from the start over transitions (back excluded). */
function columns(observation) {
  const states = observation.states || [];
  const out = new Map();
  const next = new Map();
  for (const t of observation.transitions || []) {
    if (t.action === 'back' || t.from_state_id === t.to_state_id) continue;
    if (!next.has(t.from_state_id)) next.set(t.from_state_id, []);
    next.get(t.from_state_id).push(t.to_state_id);
  }
  const start = observation.start_state_id || (states[0] && states[0].state_id);
  const queue = start ? [start] : [];
  if (start) out.set(start, 0);
  while (queue.length) {
    const id = queue.shift();
    for (const to of next.get(id) || []) {
      if (!out.has(to)) {
        out.set(to, out.get(id) + 1);
        queue.push(to);
      }
    }
  }
  const deepest = Math.max(0, ...out.values());
  for (const s of states) if (!out.has(s.state_id)) out.set(s.state_id, Math.max(s.depth || 0, deepest + 1));
  return out;
}

function shortUrl(url) {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}` || '/';
  } catch {
    return url || '';
  }
}

/** "click link 'Contact'" → "Contact": on an edge, the element's name says enough. */
function shortLabel(label) {
  return String(label || '').replace(/^click (link|button) /, '').replace(/^'(.*)'$/, '$1');
}

function truncate(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/**
 * Builds the map. thumbnail(ref) resolves to an object URL; onSelect(state) is called when a node
 * is activated.
 */
export function renderCrawlMap(observation, thumbnail, onSelect) {
  const states = observation.states || [];
  const col = columns(observation);
  const rows = new Map();
  const pos = new Map();
  for (const s of states) {
    const c = col.get(s.state_id);
    const r = rows.get(c) || 0;
    rows.set(c, r + 1);
    pos.set(s.state_id, {x: PAD + c * (W + COL_GAP), y: PAD + r * (H + ROW_GAP)});
  }
  const width = PAD * 2 + (Math.max(0, ...col.values()) + 1) * (W + COL_GAP) - COL_GAP;
  const height = PAD * 2 + Math.max(1, ...rows.values()) * (H + ROW_GAP) + 40;

  const edges = new Map();
  for (const t of observation.transitions || []) {
    if (t.from_state_id === t.to_state_id || !pos.has(t.from_state_id) || !pos.has(t.to_state_id)) {
      continue;
    }
    const key = `${t.from_state_id}→${t.to_state_id}`;
    if (!edges.has(key)) edges.set(key, {from: t.from_state_id, to: t.to_state_id, labels: []});
    edges.get(key).labels.push(t.label || t.action);
  }

  const layer = svg('svg', {class: 'edges', width, height, viewBox: `0 0 ${width} ${height}`,
    'aria-hidden': 'true', focusable: 'false'},
  svg('defs', {}, svg('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'},
  svg('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head'})),
  svg('marker', {id: 'arrow-back', viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse'},
  svg('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head back'}))));
  for (const edge of edges.values()) {
    const a = pos.get(edge.from);
    const b = pos.get(edge.to);
    let d;
    let mid;
    if (b.x > a.x) {
      const x1 = a.x + W;
      const y1 = a.y + H / 2;
      const x2 = b.x;
      const y2 = b.y + H / 2;
      d = `M${x1},${y1} C${x1 + COL_GAP / 2},${y1} ${x2 - COL_GAP / 2},${y2} ${x2},${y2}`;
      mid = {x: (x1 + x2) / 2, y: (y1 + y2) / 2};
    } else {
      const x1 = a.x + W / 2 + 12;
      const y1 = a.y + H;
      const x2 = b.x + W / 2 - 12;
      const y2 = b.y + H;
      const dip = Math.max(y1, y2) + 34;
      d = `M${x1},${y1} C${x1},${dip} ${x2},${dip} ${x2},${y2}`;
      mid = {x: (x1 + x2) / 2, y: dip - 8};
    }
    // Links back to earlier states (navigation menus) are drawn faint and unlabelled: on most
    // apps they are most of the edges and would bury the ones that lead somewhere new.
    const forward = b.x > a.x;
    // Short enough to fit the gap between two columns; the full labels are in the title and the list.
    const first = shortLabel(edge.labels[0]);
    const label = edge.labels.length > 1
      ? `${truncate(first, 10)} (+${edge.labels.length - 1})` : truncate(first, 16);
    layer.append(svg('g', {class: forward ? 'edge' : 'edge back', 'data-from': edge.from,
      'data-to': edge.to},
    svg('title', {}, edge.labels.join('\n')),
    svg('path', {d, 'marker-end': forward ? 'url(#arrow)' : 'url(#arrow-back)'}),
    forward ? svg('text', {x: mid.x, y: mid.y - 4, 'text-anchor': 'middle'}, label) : null));
  }

  const nodes = states.map((s) => {
    const p = pos.get(s.state_id);
    const thumb = s.screenshot_ref
      ? h('img', {class: 'thumb', alt: '', width: 144, height: 90, decoding: 'async'})
      : h('span', {class: 'thumb none'}, 'no screenshot');
    if (s.screenshot_ref) {
      thumbnail(s.screenshot_ref).then((url) => { thumb.src = url; }).catch(() => {
        thumb.replaceWith(h('span', {class: 'thumb none'}, 'screenshot unavailable'));
      });
    }
    const node = h('button', {type: 'button', class: 'node', dataset: {stateId: s.state_id},
      style: undefined, 'aria-pressed': 'false'},
    thumb,
    h('span', {class: 'node-title'}, truncate(s.title || s.state_id, 40)),
    h('span', {class: 'node-url'}, truncate(shortUrl(s.url), 40)));
    node.style.left = `${p.x}px`;
    node.style.top = `${p.y}px`;
    node.style.width = `${W}px`;
    node.style.height = `${H}px`;
    node.addEventListener('click', () => {
      for (const other of nodes) other.setAttribute('aria-pressed', 'false');
      node.setAttribute('aria-pressed', 'true');
      onSelect(s);
    });
    return node;
  });

  const canvas = h('div', {class: 'canvas'}, layer, nodes);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  return h('div', {class: 'crawl-map', id: 'crawl-map', role: 'group',
    'aria-label': `Crawl map: ${states.length} states, ${edges.size} connections. Choose a state to see its details.`},
  canvas);
}
