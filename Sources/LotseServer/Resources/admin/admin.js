// Lotse admin page: fills the panels from the admin JSON API (the session cookie authenticates; every change
// sends the session's CSRF token). No framework; all text goes in through textContent, never as HTML.
'use strict';

(function () {
  // The sign-in form answers a refused attempt with the form again (/admin?fehler=…, post/redirect/get), which
  // would empty the name: this tab keeps what the operator typed there (never the token) until the dashboard opens.
  const NAME_KEY = 'lotse-admin-name';
  const storage = (work) => { try { return work(sessionStorage); } catch { return null; } }; // off: the form still works
  const csrfMeta = document.querySelector('meta[name="lotse-csrf"]');
  if (!csrfMeta) {
    const signIn = document.querySelector('form.sign-in');
    const name = document.getElementById('name');
    if (!signIn || !name) return;
    const kept = storage((store) => store.getItem(NAME_KEY));
    if (kept && !name.value && document.getElementById('sign-in-error')) name.value = kept;
    signIn.addEventListener('submit', () => storage((store) => store.setItem(NAME_KEY, name.value)));
    return;
  }
  storage((store) => store.removeItem(NAME_KEY));
  const csrf = csrfMeta.content;
  const api = '/api/v1/admin';
  const numbers = new Intl.NumberFormat('de-DE');
  const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
  const statuses = [
    ['open', 'Offen'], ['in_progress', 'In Bearbeitung'], ['waiting_for_customer', 'Feedback benötigt'],
    ['information', 'Informationen'], ['answered', 'Beantwortet'], ['closed', 'Geschlossen'],
  ];
  const svgNS = 'http://www.w3.org/2000/svg';

  // --- small helpers -------------------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(svgNS, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    return node;
  }

  function count(value) { return value === null || value === undefined ? '–' : numbers.format(value); }
  function percent(value) { return value === null || value === undefined ? '–' : numbers.format(Math.round(value * 1000) / 10) + ' %'; }
  function day(text) { return text ? dateFormat.format(new Date(text + (text.length === 10 ? 'T00:00:00Z' : ''))) : '–'; }
  function moment(text) { return text ? timeFormat.format(new Date(text)) : '–'; }

  class RequestFailed extends Error {}

  async function request(url, options) {
    const response = await fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options));
    if (response.status === 401) {
      window.location.assign('/admin'); // the session has ended: back to the sign-in form
      throw new RequestFailed('Die Anmeldung ist abgelaufen.');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = body && body.error && body.error.message;
      throw new RequestFailed(response.status === 404 && !message ? 'Diese Daten gibt es (noch) nicht.' : message || `Fehler ${response.status}`);
    }
    return body;
  }

  function setStatus(panel, text, isError) {
    const status = document.getElementById(panel + '-message');
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  /// Loads a panel: a status line while loading, the error's words if it fails. Resolves whether it worked.
  async function load(panel, work) {
    setStatus(panel, 'Wird geladen …');
    try {
      await work();
      setStatus(panel, '');
      return true;
    } catch (error) {
      setStatus(panel, error instanceof RequestFailed ? error.message : 'Die Daten konnten nicht geladen werden.', true);
      return false;
    }
  }

  function table(caption, headers, rows, id) {
    const head = el('tr', null, headers.map(([label, numeric]) => el('th', { scope: 'col', class: numeric ? 'number' : null }, label)));
    const body = rows.map((cells) => el('tr', null, cells.map((cell, index) => {
      const numeric = headers[index] && headers[index][1];
      return el('td', { class: numeric ? 'number' : null }, cell);
    })));
    return el('div', { class: 'table-box' }, el('table', { id }, el('caption', null, caption), el('thead', null, head), el('tbody', null, body)));
  }

  function csvLink(url, label) {
    return el('a', { class: 'csv', href: url + (url.includes('?') ? '&' : '?') + 'format=csv', download: '' }, label || 'Als CSV herunterladen');
  }

  function value(id) { return document.getElementById(id).value; }

  // --- Deflection over time ------------------------------------------------------------------------------

  const stages = [
    ['shown', 'Vorschläge gesehen', 'stage-shown'],
    ['opened', 'Artikel geöffnet', 'stage-opened'],
    ['solved', '„Gelöst“ geklickt', 'stage-solved'],
    ['ticketsAfterSuggestions', 'Tickets nach Vorschlägen', 'stage-tickets'],
  ];

  /// One line per stage (left axis: sessions) and the deflection rate (right axis: 0–100 %), as SVG `width` units
  /// wide: drawn at the width it is shown, one unit a CSS pixel, so its labels keep their size on a phone.
  function deflectionChart(series, width) {
    const height = 260, left = 48, right = 48, top = 12, bottom = 28;
    const plotWidth = width - left - right, plotHeight = height - top - bottom;
    const maximum = Math.max(1, ...series.flatMap((point) => stages.map(([key]) => point[key] || 0)));
    const x = (index) => left + (series.length < 2 ? plotWidth / 2 : (index * plotWidth) / (series.length - 1));
    const y = (amount) => top + plotHeight - (amount / maximum) * plotHeight;
    const yRate = (rate) => top + plotHeight - rate * plotHeight;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'deflection-chart-title' });
    const title = svg('title', { id: 'deflection-chart-title' });
    title.textContent = 'Verlauf der Stufen und der Deflection-Rate; die Tabelle darunter enthält dieselben Zahlen.';
    chart.append(title);
    chart.append(svg('line', { class: 'axis', x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight }));
    for (const [text, at, anchor, xAt] of [
      [count(maximum), y(maximum), 'end', left - 4], ['0', y(0), 'end', left - 4],
      ['100 %', yRate(1), 'start', left + plotWidth + 4], ['0 %', yRate(0), 'start', left + plotWidth + 4],
    ]) {
      const label = svg('text', { class: 'axis-label', x: xAt, y: at + 4, 'text-anchor': anchor });
      label.textContent = text;
      chart.append(label);
    }
    if (series.length > 0) {
      for (const [index, anchor] of [[0, 'start'], [series.length - 1, 'end']]) {
        const label = svg('text', { class: 'axis-label', x: x(index), y: height - 8, 'text-anchor': anchor });
        label.textContent = day(series[index].start);
        chart.append(label);
      }
    }
    const path = (points) => points.map(([px, py], index) => `${index ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
    for (const [key, , style] of stages) {
      chart.append(svg('path', { class: `line ${style}`, d: path(series.map((point, index) => [x(index), y(point[key] || 0)])) }));
    }
    // Buckets without a rate (no denominator) break the line instead of showing 0 %.
    let segment = [];
    const rateSegments = [];
    series.forEach((point, index) => {
      if (point.deflectionRate === null || point.deflectionRate === undefined) {
        if (segment.length) rateSegments.push(segment);
        segment = [];
      } else {
        segment.push([x(index), yRate(Math.min(1, point.deflectionRate))]);
      }
    });
    if (segment.length) rateSegments.push(segment);
    for (const points of rateSegments) chart.append(svg('path', { class: 'line stage-rate', d: path(points) }));
    return chart;
  }

  function legend() {
    const items = stages.map(([, label, style]) => el('li', null, el('span', { class: `swatch ${style}` }), label));
    items.push(el('li', null, el('span', { class: 'swatch stage-rate' }), 'Deflection-Rate (rechte Achse)'));
    return el('ul', { class: 'legend' }, items);
  }

  function loadDeflection() {
    return load('deflection', async () => {
      const url = `${api}/deflection?days=${value('deflection-days')}&bucket=${value('deflection-bucket')}`;
      const data = await request(url);
      const totals = data.totals || {};
      const headers = [['Beginn'], ...stages.map(([, label]) => [label, true]), ['Deflection-Rate', true]];
      const rows = data.series.map((point) => [day(point.start), ...stages.map(([key]) => count(point[key])), percent(point.deflectionRate)]);
      rows.push([el('strong', null, 'Summe'), ...stages.map(([key]) => el('strong', null, count(totals[key]))),
        el('strong', null, percent(totals.deflectionRate))]);
      const chart = el('div', { class: 'chart', id: 'deflection-chart' }, legend());
      document.getElementById('deflection-content').replaceChildren(
        el('div', { class: 'chart-box' },
          chart,
          el('div', { class: 'chart-side' },
            el('p', { class: 'definition', id: 'deflection-definition' }, el('strong', null, 'Deflection-Rate: '), data.definition || ''),
            el('p', null, `${day(data.from)} bis ${day(data.to)}`))),
        table('Zahlen zum Diagramm (Sitzungen je ' + (data.bucket === 'week' ? 'Woche' : 'Tag') + ')', headers, rows, 'deflection-table'),
        csvLink(url));
      drawAtShownWidth(chart, (width) => deflectionChart(data.series, width));
    });
  }

  let chartObserver = null;

  /// Puts `draw(width)`'s SVG first in `box`, drawn again whenever the box's width changes (a turned phone).
  function drawAtShownWidth(box, draw) {
    let drawn = 0;
    const redraw = () => {
      const width = Math.floor(box.clientWidth);
      if (width <= 0 || width === drawn) return;
      drawn = width;
      const chart = draw(width);
      const previous = box.querySelector(':scope > svg');
      if (previous) previous.replaceWith(chart); else box.prepend(chart);
    };
    if (chartObserver) chartObserver.disconnect();
    chartObserver = new ResizeObserver(redraw);
    chartObserver.observe(box);
    redraw();
  }

  // --- Themen ohne Artikel -------------------------------------------------------------------------------

  function sparkline(values) {
    const width = 100, height = 24, maximum = Math.max(1, ...values);
    const step = values.length > 1 ? width / (values.length - 1) : 0;
    const points = values.map((amount, index) => `${(index * step).toFixed(1)},${(height - 2 - (amount / maximum) * (height - 4)).toFixed(1)}`);
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' });
    chart.append(svg('polyline', { class: 'spark', points: points.join(' ') }));
    return el('span', { class: 'spark-box' }, chart);
  }

  function loadGaps() {
    return load('gaps', async () => {
      const url = `${api}/gaps?days=${value('gaps-days')}`;
      const data = await request(url);
      const content = document.getElementById('gaps-content');
      if (!data.topics.length) {
        content.replaceChildren(el('p', null, 'Keine Themen ohne Artikel in diesem Zeitraum.'), csvLink(url));
        return;
      }
      const topics = data.topics.map((topic) => el('li', { class: 'topic' },
        el('h3', null, topic.label),
        el('p', { class: 'meta' }, `${count(topic.size)} Anfragen · zuletzt ${moment(topic.lastSeen)} · Trend je Woche: `,
          sparkline(topic.trend || []), ' ', el('span', { class: 'trend' }, (topic.trend || []).map(count).join(' → '))),
        topic.examples && topic.examples.length ? el('ul', { class: 'examples' }, topic.examples.map((text) => el('li', null, text))) : null,
        topic.shownArticles && topic.shownArticles.length
          ? el('p', { class: 'shown' }, 'Gezeigt, aber nicht geholfen: ',
            topic.shownArticles.map((article) => `${article.title} (${count(article.count)}×)`).join(', '))
          : null));
      content.replaceChildren(el('ol', { class: 'topics', id: 'gaps-list' }, topics), csvLink(url));
    });
  }

  // --- Artikel -------------------------------------------------------------------------------------------

  function solveRate(article) {
    if (article.solveRate === null || article.solveRate === undefined) return '–';
    return `${percent(article.solveRate)} (${percent(article.solveRateLow)}–${percent(article.solveRateHigh)})`;
  }

  function loadArticles() {
    return load('articles', async () => {
      const url = `${api}/article-stats?days=${value('articles-days')}`;
      const data = await request(url);
      const headers = [['Artikel'], ['Vorgeschlagen', true], ['Geöffnet', true], ['Gelöst', true], ['Hilfreich', true],
        ['Nicht hilfreich', true], ['Lösungsquote (95-%-Intervall)', true], ['Gelernte Wörter', true]];
      const rows = data.articles.map((article) => [
        el('a', { href: article.url, target: '_blank', rel: 'noopener' }, article.title), count(article.suggested), count(article.opened),
        count(article.solved), count(article.helpful), count(article.notHelpful), solveRate(article), count(article.learnedWords)]);
      const never = data.neverSuggested || [];
      document.getElementById('articles-content').replaceChildren(
        table('Vorschläge und Ergebnisse je Artikel (Sitzungen)', headers, rows, 'articles-table'),
        csvLink(url),
        el('h3', null, `Nie vorgeschlagen (${count(never.length)})`),
        never.length
          ? el('ul', { id: 'never-suggested' }, never.map((article) => el('li', null, el('a', { href: article.url }, article.title))))
          : el('p', null, 'Jeder Artikel wurde mindestens einmal vorgeschlagen.'));
    });
  }

  // --- Tickets -------------------------------------------------------------------------------------------

  let ticketPage = 1;
  let selectedTicket = null;

  function statusLabel(status) { return (statuses.find(([key]) => key === status) || [status, status])[1]; }

  function loadTickets() {
    return load('tickets', async () => {
      const status = value('tickets-status');
      const url = `${api}/tickets?page=${ticketPage}` + (status ? `&status=${status}` : '');
      const data = await request(url);
      const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
      const headers = [['Nummer'], ['Betreff'], ['Status'], ['Dringend'], ['Eingang']];
      const rows = data.tickets.map((ticket) => {
        const cells = [el('a', { href: '#ticket-' + ticket.id }, ticket.id), ticket.subject, ticket.statusLabel,
          ticket.urgent ? 'dringend' : null, moment(ticket.createdAt)];
        // Each value names its column: a phone shows the queue as cards (admin.css), whose display drops the
        // table's own semantics in some browsers, hence the roles.
        const row = el('tr', { class: 'selectable', tabindex: '0', 'data-id': ticket.id, role: 'row' }, cells.map((cell, index) =>
          el('td', { role: 'cell', 'data-label': headers[index][0], class: index === 3 && ticket.urgent ? 'urgent' : null }, cell)));
        const open = (event) => { event.preventDefault(); showTicket(ticket.id, 'heading'); };
        row.addEventListener('click', open);
        row.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(event); });
        return row;
      });
      const head = el('tr', { role: 'row' }, headers.map(([label]) => el('th', { scope: 'col', role: 'columnheader' }, label)));
      const queue = rows.length === 0
        ? el('p', { id: 'tickets-empty' }, status ? `Keine Tickets mit dem Status „${statusLabel(status)}“.`
          : 'Noch keine Tickets. Anfragen aus dem Portal erscheinen hier, dringende zuerst.')
        : el('div', { class: 'table-box' }, el('table', { id: 'tickets-table', role: 'table' },
          el('caption', null, `Warteschlange: dringend zuerst, dann die ältesten (${count(data.total)} Tickets)`),
          el('thead', { role: 'rowgroup' }, head), el('tbody', { role: 'rowgroup' }, rows)));
      const previous = el('button', { type: 'button', class: 'secondary', disabled: ticketPage <= 1 }, '← Zurück');
      const next = el('button', { type: 'button', class: 'secondary', disabled: ticketPage >= pages }, 'Weiter →');
      previous.addEventListener('click', () => { ticketPage -= 1; loadTickets(); });
      next.addEventListener('click', () => { ticketPage += 1; loadTickets(); });
      const detail = el('div', { id: 'ticket-detail', class: 'detail', hidden: true });
      document.getElementById('tickets-content').replaceChildren(
        queue, el('p', { class: 'pager' }, previous, el('span', { id: 'tickets-page' }, `Seite ${ticketPage} von ${pages}`), next),
        csvLink(url, 'Diese Seite als CSV herunterladen'), detail);
      if (selectedTicket) await showTicket(selectedTicket, focusAfterLoad);
      focusAfterLoad = null;
    });
  }

  /** Where the keyboard focus goes once the queue is drawn again (the rebuilt panel drops the focused element). */
  let focusAfterLoad = null;

  function field(label, content) { return [el('dt', null, label), el('dd', null, content === null || content === undefined || content === '' ? '–' : content)]; }

  /** Shows a ticket below the queue; `focus` ('heading' when opened, 'save' after a status change) moves the
   * keyboard focus there, which also scrolls the detail into view. */
  async function showTicket(id, focus = null) {
    selectedTicket = id;
    const detail = document.getElementById('ticket-detail');
    const ticket = await request(`${api}/tickets/${encodeURIComponent(id)}`).catch((error) => {
      setStatus('tickets', error.message, true);
      return null;
    });
    if (!ticket) return;
    for (const row of document.querySelectorAll('#tickets-table tr[data-id]')) row.classList.toggle('selected', row.dataset.id === id);
    const custom = Object.entries(ticket.customFields || {}).sort(([a], [b]) => a.localeCompare(b));
    const fields = [
      field('Status', ticket.statusLabel), field('Eingang', moment(ticket.createdAt)), field('Geändert', moment(ticket.updatedAt)),
      field('Name', ticket.name), field('E-Mail', ticket.email), field('Firma', ticket.company),
      field('Kundennummer', ticket.customerNumber), field('Kategorie', ticket.category),
      field('Dringend', ticket.urgent ? 'ja' : 'nein'), field('Verifiziert', ticket.verified ? 'ja (bekannter Kontakt)' : 'nein'),
      field('Betreff', ticket.subject), field('Beschreibung', ticket.description),
      ...custom.map(([name, text]) => field(name, text)),
    ].flat();
    const shown = (ticket.shownArticles || []).map((article) => el('li', null,
      article.url ? el('a', { href: article.url, target: '_blank', rel: 'noopener' }, article.title || article.id) : (article.title || article.id)));
    const files = (ticket.attachments || []).map((file) => el('li', null,
      el('a', { href: file.url, download: file.name }, file.name), ` (${file.type}, ${count(Math.ceil(file.size / 1024))} KB)`));
    const activity = (ticket.activity || []).map((change) => el('li', null,
      `${moment(change.at)}: ${change.actor} – ${change.fromLabel} → ${change.toLabel}`));
    const select = el('select', { id: 'ticket-new-status' },
      statuses.map(([key, label]) => el('option', { value: key, selected: key === ticket.status }, label)));
    const save = el('button', { type: 'button', id: 'ticket-save-status' }, 'Status ändern');
    save.addEventListener('click', () => changeStatus(ticket.id, select.value));
    detail.replaceChildren(
      el('h3', { id: 'ticket-' + ticket.id }, `${ticket.id}: ${ticket.subject}`),
      el('dl', null, fields),
      el('h3', null, 'Vor dem Absenden gezeigte Artikel'),
      shown.length ? el('ul', { id: 'ticket-shown' }, shown) : el('p', null, 'Keine.'),
      el('h3', null, 'Anhänge'),
      files.length ? el('ul', { id: 'ticket-attachments' }, files) : el('p', null, 'Keine.'),
      el('div', { class: 'status-change' }, el('label', { for: 'ticket-new-status' }, 'Neuer Status'), select, save,
        el('p', { id: 'ticket-status-message', role: 'status' }, changedMessage)),
      el('h3', null, 'Verlauf'),
      activity.length ? el('ol', { id: 'ticket-activity' }, activity) : el('p', { id: 'ticket-activity-empty' }, 'Noch keine Statusänderung.'));
    detail.hidden = false;
    changedMessage = '';
    if (focus === 'heading') {
      const heading = detail.querySelector('h3');
      heading.tabIndex = -1;
      heading.focus();
    } else if (focus === 'save') save.focus();
  }

  /** The confirmation shown beside "Status ändern" once, after the change. */
  let changedMessage = '';

  async function changeStatus(id, status) {
    const changed = await load('tickets', async () => {
      await request(`${api}/tickets/${encodeURIComponent(id)}`, {
        method: 'PATCH', body: JSON.stringify({ status }),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      });
    });
    if (!changed) return; // the error stays in the status line; the queue still shows the stored status
    changedMessage = `Status von ${id} ist jetzt „${statusLabel(status)}“.`;
    focusAfterLoad = 'save';
    await loadTickets();
    setStatus('tickets', `Status von ${id} ist jetzt „${statusLabel(status)}“.`);
  }

  // --- wiring --------------------------------------------------------------------------------------------

  const ticketStatus = document.getElementById('tickets-status');
  for (const [key, label] of statuses) ticketStatus.append(el('option', { value: key }, label));
  ticketStatus.addEventListener('change', () => { ticketPage = 1; selectedTicket = null; loadTickets(); });
  for (const id of ['deflection-days', 'deflection-bucket']) document.getElementById(id).addEventListener('change', loadDeflection);
  document.getElementById('gaps-days').addEventListener('change', loadGaps);
  document.getElementById('articles-days').addEventListener('change', loadArticles);
  document.getElementById('sign-out').addEventListener('click', async () => {
    await fetch('/admin/abmelden', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } });
    window.location.assign('/admin');
  });

  loadDeflection();
  loadGaps();
  loadArticles();
  loadTickets();
}());
