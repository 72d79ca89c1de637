// Lotse portal: help-center search, categories, articles, and the ticket form with live suggestions.
// Plain JavaScript, no build step. Only article HTML (rendered and sanitised by `lotse index`, and run under a
// strict Content-Security-Policy) is inserted as HTML; snippets keep only their <mark> elements; everything
// else from the API is inserted as text.
'use strict';

(() => {
  const LIVE_DELAY_MS = 200;
  const SEND_ATTEMPTS = 3;
  const SUGGESTION_COUNT = 5;
  // The page's own elements, captured once at load — before any article HTML is on the page — and kept in this
  // map, so an article containing an element with the same id (or name) can never stand in for one of them.
  const elements = new Map();
  for (const element of document.querySelectorAll('[id]')) if (!elements.has(element.id)) elements.set(element.id, element);
  const $ = (id) => elements.get(id) ?? null;
  /** Registers an element the script created itself (error messages, custom fields). */
  const own = (element) => {
    elements.set(element.id, element);
    return element;
  };

  /** A random UUID; `crypto.randomUUID` exists only in secure contexts (https or loopback). */
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // What works with script only (index.html hides it for browsers without).
  $('language-switch').hidden = false;
  $('suggestions').hidden = false;

  /** One id per page load: the server remembers which articles it suggested to this visitor. */
  const session = uuid();

  // MARK: The page's own texts (portal-texts.js) in the visitor's language; index.html keeps German without script.

  const TEXTS = window.lotsePortalTexts ?? {};
  const LANGUAGES = ['de', 'en', 'fr', 'es'];
  /** The browser's first language Lotse has articles and texts in (null if none is). */
  const browserLanguage = (navigator.languages ?? [navigator.language]).map((tag) => String(tag).slice(0, 2).toLowerCase())
    .find((code) => LANGUAGES.includes(code)) ?? null;
  /** The article language chosen in the header; for "all languages" the browser's, else German. */
  const uiLanguage = () => $('article-language')?.value || browserLanguage || 'de';

  /** Text `id` in the page's language (German where one is missing) with `{name}` filled from `values`; a
   * `count` picks the `.one` or `.other` form. */
  function text(id, values = {}) {
    const language = uiLanguage();
    const key = values.count === undefined ? id
      : `${id}.${new Intl.PluralRules(language).select(values.count) === 'one' ? 'one' : 'other'}`;
    const template = TEXTS[language]?.[key] ?? TEXTS.de?.[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** Elements showing a text by id: the page's own (captured now, before any article HTML) and those `say` fills. */
  const textElements = new Set(document.querySelectorAll('[data-text], [data-text-placeholder], [data-text-label]'));

  /** Shows text `id` in `element` and keeps it in the page's language when that changes; no id empties it. */
  function say(element, id, values) {
    if (!id) {
      show(element, '');
      return;
    }
    element.dataset.text = id;
    element.dataset.textValues = JSON.stringify(values ?? {});
    element.textContent = text(id, values);
    textElements.add(element);
  }

  /** A message that is either the server's own wording (a string, shown as it is) or `[id, values]` of ours. */
  function show(element, message) {
    if (Array.isArray(message)) {
      say(element, ...message);
      return;
    }
    textElements.delete(element);
    delete element.dataset.text;
    delete element.dataset.textValues;
    element.textContent = message;
  }

  function applyTexts() {
    document.documentElement.lang = uiLanguage();
    for (const element of textElements) {
      if (!element.isConnected) {
        textElements.delete(element);
        continue;
      }
      const { text: id, textValues, textPlaceholder, textLabel } = element.dataset;
      if (id) element.textContent = text(id, textValues ? JSON.parse(textValues) : {});
      if (textPlaceholder) element.placeholder = text(textPlaceholder);
      if (textLabel) element.setAttribute('aria-label', text(textLabel));
    }
  }

  /** The server words its errors in the page's language. */
  const messageLanguage = () => (uiLanguage() === 'de' ? 'de' : `${uiLanguage()}, de;q=0.5`);

  /** Calls the API; resolves with the status and the parsed JSON body (null if none), rejects on network errors. */
  async function api(path, { method = 'GET', json, body, headers = {}, signal } = {}) {
    const init = { method, headers: { Accept: 'application/json', 'Accept-Language': messageLanguage(), ...headers }, signal };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['Content-Type'] = 'application/json';
    } else if (body !== undefined) {
      init.body = body;
    }
    const response = await fetch(path, init);
    const data = await response.json().catch(() => null);
    return { status: response.status, data };
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * Debounced live requests: `trigger()` runs `load(signal)` after `delay` ms of quiet. Starting a request aborts
   * the one still running, and an answer is rendered only if no newer request was started meanwhile.
   * `load` may return null (nothing to ask); `render(answer)` gets null then, and `{ status: 0 }` when the request
   * failed without an answer (no connection).
   */
  function liveQuery(load, render) {
    let timer = 0;
    let controller = null;
    let sequence = 0;
    return (delay = LIVE_DELAY_MS) => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        controller?.abort();
        controller = new AbortController();
        const current = ++sequence;
        let answer = null;
        try {
          answer = await load(controller.signal);
        } catch (error) {
          if (error.name === 'AbortError') return;
          answer = { status: 0, data: null };
        }
        if (current === sequence) render(answer);
      }, delay);
    };
  }

  /** Appends a snippet as text, keeping only its <mark> highlights (the snippet is escaped HTML). */
  function appendHighlighted(element, snippet) {
    const parsed = new DOMParser().parseFromString(`<body>${snippet}`, 'text/html');
    for (const node of parsed.body.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        element.append(mark);
      } else {
        element.append(document.createTextNode(node.textContent));
      }
    }
  }

  function span(className, text) {
    const element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    return element;
  }

  /** An article's page on this server (`/hilfe/kategorie/artikel`); anything else is never linked. */
  const isArticleAddress = (url) => typeof url === 'string' && /^\/hilfe\/[a-z0-9-]+\/[a-z0-9-]+$/.test(url);

  /** One search result or suggestion: a link to the article's page with title, snippet and category (a click
   * shows the article here; a new tab, or no script, gets the page). */
  function resultItem(result) {
    const button = document.createElement('a');
    button.className = 'result';
    button.href = isArticleAddress(result.url) ? result.url : '#';
    button.dataset.id = result.id;
    button.append(span('result-title', result.title));
    if (result.snippet) {
      const snippet = span('snippet', '');
      appendHighlighted(snippet, result.snippet);
      button.append(snippet);
    }
    button.append(span('category', result.category));
    const item = document.createElement('li');
    item.append(button);
    return item;
  }

  function renderResults(list, results) {
    list.replaceChildren(...results.map(resultItem));
  }

  function onResultClick(list, open, report = () => {}) {
    list.addEventListener('click', (event) => {
      const link = event.target.closest('[data-id]');
      if (!link) return;
      // Counted for the dashboard's funnel also when a modifier key opens it in another tab.
      report(link.dataset.id);
      // Another tab or window (a modifier key, the middle button) gets the article's page.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(link.dataset.id, link);
    });
  }

  /** Records that this session opened a search result or suggestion ("opened" in the dashboard); fire and forget. */
  function reportView(id) {
    api(`/api/v1/articles/${encodeURIComponent(id)}/views`, { method: 'POST', json: { session } }).catch(() => null);
  }

  async function loadArticle(id) {
    const answer = await api(`/api/v1/articles/${encodeURIComponent(id)}`);
    if (answer.status !== 200 || !answer.data) throw new Error(`article ${id}: ${answer.status}`);
    return answer.data;
  }

  // MARK: History: an article shown here gets its page's address, so Back closes it and a reload shows its page.

  let skipNextPop = false;
  let closeShown = () => {};

  function pushArticle(view, article) {
    if (isArticleAddress(article.url) && history.state?.id !== article.id) {
      history.pushState({ lotse: view, id: article.id }, '', article.url);
    }
  }

  /** Closes an article shown here at once and drops its history entry, so Back does not reopen it. */
  function leaveArticle(close) {
    close();
    if (history.state?.lotse) {
      skipNextPop = true;
      history.back();
    }
  }

  window.addEventListener('popstate', (event) => {
    if (skipNextPop) {
      skipNextPop = false;
      return;
    }
    const state = event.state;
    if (state?.lotse === 'article') openArticle(state.id, null, false);
    else if (state?.lotse === 'solution') openSolution(state.id, null, false);
    else closeShown();
  });

  /** Fills `PREFIX-title`, `PREFIX-category` and `PREFIX-body`; the body is the article's sanitised HTML. */
  function showArticle(prefix, article) {
    $(`${prefix}-title`).textContent = article.title;
    $(`${prefix}-category`).textContent = article.category;
    const body = $(`${prefix}-body`);
    body.innerHTML = article.html;
    body.scrollTop = 0;
    // The title is already shown above the body.
    if (body.firstElementChild?.tagName === 'H1') body.firstElementChild.remove();
  }

  // MARK: Help center: search, categories, article view with feedback

  /** The visitor's language (the browser's first one Lotse has articles in; German otherwise), switchable. */
  const languageSelect = $('article-language');
  languageSelect.value = browserLanguage ?? 'de';
  applyTexts();
  const withLanguage = (parameters) => (languageSelect.value ? { ...parameters, lang: languageSelect.value } : parameters);

  const searchInput = $('search-input');
  const searchStatus = $('search-status');
  const searchResults = $('search-results');
  const searchLive = liveQuery(
    (signal) => {
      const q = searchInput.value.trim();
      return q ? api(`/api/v1/search?${new URLSearchParams(withLanguage({ q, limit: '10', session }))}`, { signal }) : null;
    },
    (answer) => {
      const results = answer?.status === 200 ? answer.data.results : [];
      renderResults(searchResults, results);
      $('search-ask').hidden = !searchInput.value.trim();
      if (!searchInput.value.trim()) say(searchStatus, null);
      else if (answer?.status !== 200) say(searchStatus, 'search.unavailable');
      // "Try all languages" only where the visitor chose another language than the browser's (their default).
      else if (results.length === 0 && languageSelect.value && languageSelect.value !== (browserLanguage ?? 'de')) {
        say(searchStatus, 'search.noneInLanguage');
      }
      else if (results.length === 0) say(searchStatus, 'search.none');
      else say(searchStatus, 'search.found', { count: results.length });
    });
  searchInput.addEventListener('input', () => searchLive());
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    searchLive(0);
  });

  const categoryList = $('category-list');
  const categoryStatus = $('category-status');
  const categoryResults = $('category-results');
  let selectedCategory = null;
  const categoryLive = liveQuery(
    (signal) => api(`/api/v1/search?${new URLSearchParams(withLanguage({ q: '', category: selectedCategory, limit: '50' }))}`, { signal }),
    (answer) => {
      const results = answer?.status === 200 ? answer.data.results : [];
      renderResults(categoryResults, results);
      if (answer?.status === 200) say(categoryStatus, 'category.found', { count: results.length, category: selectedCategory });
      else say(categoryStatus, 'category.failed');
    });

  async function loadCategories() {
    const answer = await api(`/api/v1/categories?${new URLSearchParams(withLanguage({}))}`).catch(() => null);
    if (answer?.status !== 200) {
      say(categoryStatus, 'categories.failed');
      return;
    }
    categoryList.replaceChildren(...answer.data.categories.map((category) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.category = category.name;
      button.setAttribute('aria-pressed', 'false');
      button.textContent = `${category.name} (${category.count})`;
      const item = document.createElement('li');
      item.append(button);
      return item;
    }));
  }
  categoryList.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-category]');
    if (!button) return;
    selectedCategory = button.dataset.category;
    for (const other of categoryList.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === button));
    categoryLive(0);
  });

  // Another language: the page's texts, its own categories, and the search asked again.
  languageSelect.addEventListener('change', () => {
    applyTexts();
    selectedCategory = null;
    renderResults(categoryResults, []);
    say(categoryStatus, null);
    loadCategories();
    if (searchInput.value.trim()) searchLive(0);
    if ($('subject').value.trim() || $('description').value.trim()) suggestLive(0);
  });

  const articleView = $('article-view');
  const feedbackStatus = $('feedback-status');
  let articleId = null;
  let articleOpener = null;

  function closeArticle() {
    articleView.hidden = true;
    if (articleOpener?.isConnected) articleOpener.focus();
  }

  async function openArticle(id, opener, push = true) {
    let article;
    try {
      article = await loadArticle(id);
    } catch {
      say(searchStatus, 'article.failed');
      return;
    }
    showArticle('article', article);
    if (push) pushArticle('article', article);
    closeShown = closeArticle;
    articleId = id;
    articleOpener = opener ?? articleOpener;
    say(feedbackStatus, null);
    for (const button of [$('feedback-yes'), $('feedback-no')]) button.disabled = false;
    articleView.hidden = false;
    $('article-title').focus();
  }
  onResultClick(searchResults, openArticle, reportView);
  onResultClick(categoryResults, openArticle);
  $('article-close').addEventListener('click', () => leaveArticle(closeArticle));

  async function sendFeedback(helpful) {
    const answer = await api(`/api/v1/articles/${encodeURIComponent(articleId)}/feedback`,
      { method: 'POST', json: { helpful, session } }).catch(() => null);
    if (answer?.status === 201) {
      say(feedbackStatus, helpful ? 'feedback.thanks' : 'feedback.thanksNotHelpful');
      for (const button of [$('feedback-yes'), $('feedback-no')]) button.disabled = true;
      if (!helpful) $('article-ask').focus();
    } else {
      say(feedbackStatus, 'feedback.failed');
    }
  }
  $('feedback-yes').addEventListener('click', () => sendFeedback(true));
  $('feedback-no').addEventListener('click', () => sendFeedback(false));

  /** To the ticket form, its subject `proposed` unless one is typed; the description takes the focus, the subject
   * above it in view (on a phone the contact fields come first). */
  function askWithSubject(proposed) {
    const subjectInput = $('subject');
    if (!subjectInput.value.trim()) subjectInput.value = proposed;
    subjectInput.closest('.field').scrollIntoView();
    $('description').focus({ preventScroll: true });
    subjectInput.dispatchEvent(new Event('input', { bubbles: true }));
  }
  /** From an article: the subject is the search, or the article's title. */
  $('article-ask').addEventListener('click', () => leaveArticle(() => {
    articleView.hidden = true;
    askWithSubject(searchInput.value.trim() || $('article-title').textContent);
  }));
  /** From the search's answer (on a phone the form is screens below): the subject is the search. */
  $('search-ask-button').addEventListener('click', () => askWithSubject(searchInput.value.trim()));

  // MARK: Ticket form: configuration, live suggestions, solution view, submission

  const form = $('ticket-form');
  const layout = $('ticket-layout');
  const subject = $('subject');
  const description = $('description');
  const attachments = $('attachments');
  const suggestionList = $('suggestion-list');
  const suggestionCount = $('suggestion-count');
  const suggestionStatus = $('suggestions-status');
  const solutionView = $('solution-view');
  const summary = $('form-summary');
  const submitButton = $('ticket-submit');
  const submitStatus = $('submit-status');
  // The server's defaults until /api/v1/ticket-form says what is configured.
  let attachmentRules = { maxCount: 3, maxBytes: 5 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'] };
  /** File names the browser may not type (a .log, an .eml): the server decides from the content either way. */
  const TYPE_EXTENSIONS = {
    'image/png': ['.png'], 'image/jpeg': ['.jpg', '.jpeg'], 'image/gif': ['.gif'], 'image/webp': ['.webp'],
    'application/pdf': ['.pdf'], 'text/plain': ['.txt', '.log', '.csv'], 'message/rfc822': ['.eml'],
    'application/vnd.ms-outlook': ['.msg'], 'application/zip': ['.zip'],
  };
  /** The accepted types as customers know them ("PNG, JPEG, PDF, TXT"), for the hint and the error. */
  const typeNames = () => attachmentRules.types.map((type) => (TYPE_EXTENSIONS[type]?.[0] ?? type).replace('.', '').toUpperCase())
    .join(', ');
  const allowedExtensions = () => attachmentRules.types.flatMap((type) => TYPE_EXTENSIONS[type] ?? []);

  /** The response time and attachment limits come from the server; without them the form still works. The custom
   * fields, topics and the operator's links are in the page as the server sent it (`PortalPage`). */
  async function loadTicketForm() {
    const answer = await api('/api/v1/ticket-form').catch(() => null);
    if (answer?.status !== 200 || !answer.data) return;
    const { attachments: rules, responseTime } = answer.data;
    if (responseTime) {
      $('ticket-response-time-value').textContent = responseTime;
      $('ticket-response-time').hidden = false;
    }
    if (rules) {
      attachmentRules = { ...attachmentRules, ...rules };
      if (attachmentRules.types.length > 0) attachments.accept = [...attachmentRules.types, ...allowedExtensions()].join(',');
      showAttachmentHint();
    }
  }

  function showAttachmentHint() {
    say($('attachments-hint'), 'field.attachments.hint',
      { count: attachmentRules.maxCount, megabytes: megabytes(attachmentRules.maxBytes), types: typeNames() });
  }

  const megabytes = (bytes) => (bytes / (1024 * 1024)).toLocaleString(uiLanguage(), { maximumFractionDigits: 1 });

  /** The custom fields' inputs as the server wrote them into the page, taken now, before any article HTML is on it. */
  const customInputs = [...$('custom-fields').querySelectorAll('input')];

  const suggestLive = liveQuery(
    (signal) => {
      const draft = { subject: subject.value, description: description.value };
      if (!draft.subject.trim() && !draft.description.trim()) return null;
      // Articles in the language chosen in the header, like the search box's (all for "allen Sprachen").
      const json = withLanguage({ ...draft, session, limit: SUGGESTION_COUNT });
      return api('/api/v1/suggest', { method: 'POST', json, signal });
    },
    (answer) => {
      // A failed request leaves the previous suggestions and says so (the customer must not read "no article");
      // an empty draft clears them.
      const failed = answer !== null && answer.status !== 200;
      say(suggestionStatus, failed ? 'suggestions.unavailable' : null);
      if (failed) return;
      const focusedId = suggestionList.contains(document.activeElement) ? document.activeElement.dataset.id : null;
      renderResults(suggestionList, answer ? answer.data.results : []);
      announceSuggestionCount(answer ? answer.data.results.length : null);
      if (focusedId) (suggestionButton(focusedId) ?? suggestionButtons()[0] ?? suggestionOrigin).focus();
    });
  subject.addEventListener('input', () => suggestLive());
  description.addEventListener('input', () => suggestLive());

  /** A screen reader hears "3 passende Artikel" when the number changes, not every title at each refresh. */
  let announcedCount = null;
  function announceSuggestionCount(count) {
    if (count === announcedCount) return;
    announcedCount = count;
    if (count === null) say(suggestionCount, null);
    else if (count === 0) say(suggestionCount, 'suggestions.none');
    else say(suggestionCount, 'suggestions.count', { count });
  }

  const suggestionButtons = () => Array.from(suggestionList.querySelectorAll('[data-id]'));
  const suggestionButton = (id) => suggestionButtons().find((button) => button.dataset.id === id);
  let suggestionOrigin = subject;

  /** ArrowDown in subject or description moves into the suggestions (in the description only from its end). */
  function enterSuggestions(event) {
    if (event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey) return;
    const field = event.currentTarget;
    if (field === description && field.selectionEnd < field.value.length) return;
    const first = suggestionButtons()[0];
    if (!first) return;
    event.preventDefault();
    suggestionOrigin = field;
    first.focus();
  }
  subject.addEventListener('keydown', enterSuggestions);
  description.addEventListener('keydown', enterSuggestions);

  suggestionList.addEventListener('keydown', (event) => {
    const buttons = suggestionButtons();
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown') buttons[Math.min(index + 1, buttons.length - 1)].focus();
    else if (event.key === 'ArrowUp') (index === 0 ? suggestionOrigin : buttons[index - 1]).focus();
    else if (event.key === 'Escape') suggestionOrigin.focus();
    else return; // Enter and Space activate the focused button natively.
    event.preventDefault();
  });

  let solutionId = null;
  let solutionOpener = null;
  let solutionTicketOnly = false;

  async function openSolution(id, opener, push = true) {
    let article;
    try {
      article = await loadArticle(id);
    } catch {
      say(submitStatus, 'article.failed');
      return;
    }
    showArticle('solution', article);
    if (push) pushArticle('solution', article);
    closeShown = () => backToForm(solutionOpener?.isConnected ? solutionOpener : subject);
    // A ticket-only topic (a hacked account, a refund) is never "solved" by reading: the form is the way on.
    solutionTicketOnly = article.ticketOnly === true;
    $('solution-yes').hidden = solutionTicketOnly;
    $('solution-ticket-only').hidden = !solutionTicketOnly;
    say($('solution-question'), solutionTicketOnly ? 'solution.ticketOnlyQuestion' : 'solution.question');
    say($('solution-no'), solutionTicketOnly ? 'solution.continue' : 'solution.no');
    solutionId = id;
    solutionOpener = opener ?? solutionOpener;
    layout.hidden = true;
    solutionView.hidden = false;
    $('solution-title').focus();
  }
  onResultClick(suggestionList, openSolution, reportView);

  // Escape closes an article shown here as "← Zurück" and the browser's Back do: no vote, the draft kept.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || (articleView.hidden && solutionView.hidden)) return;
    event.preventDefault();
    leaveArticle(closeShown);
  });

  function backToForm(focusTarget) {
    solutionView.hidden = true;
    $('deflection-thanks').hidden = true;
    $('ticket-done').hidden = true;
    layout.hidden = false;
    focusTarget.focus();
  }

  $('solution-no').addEventListener('click', () => {
    // The vote counts for the article's statistics; the customer goes on writing either way.
    if (!solutionTicketOnly) {
      api(`/api/v1/articles/${encodeURIComponent(solutionId)}/feedback`, { method: 'POST', json: { helpful: false, session } })
        .catch(() => null);
    }
    leaveArticle(() => backToForm(solutionOpener?.isConnected ? solutionOpener : subject));
  });
  $('solution-yes').addEventListener('click', async () => {
    // The thanks are shown even if recording fails: the customer's problem is solved either way.
    await api('/api/v1/deflections', {
      method: 'POST',
      json: { session, articleId: solutionId, subject: subject.value, description: description.value },
    }).catch(() => null);
    leaveArticle(() => {
      solutionView.hidden = true;
      $('deflection-thanks').hidden = false;
      $('deflection-title').focus();
    });
  });
  $('deflection-back').addEventListener('click', () => backToForm(subject));

  // Field errors: a message below the field, tied to it with aria-describedby and marked with aria-invalid.

  function describedBy(input, id, present) {
    const ids = new Set((input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    if (present) ids.add(id); else ids.delete(id);
    if (ids.size > 0) input.setAttribute('aria-describedby', [...ids].join(' '));
    else input.removeAttribute('aria-describedby');
  }

  function markInvalid(input, message) {
    const id = `${input.id}-error`;
    let error = $(id);
    if (!error) {
      error = document.createElement('p');
      error.id = id;
      own(error);
      error.className = 'field-error';
      input.closest('.field').append(error);
    }
    show(error, message || ['field.invalid']);
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    describedBy(input, id, true);
  }

  function clearInvalid(input) {
    const error = $(`${input.id}-error`);
    if (error) error.hidden = true;
    input.removeAttribute('aria-invalid');
    describedBy(input, `${input.id}-error`, false);
  }

  /** The input an error key names: a form field, or a custom field as `customFields[NAME]`, `customFields.NAME` or `NAME`. */
  function fieldFor(key) {
    const custom = /^customFields(?:\[(.+)\]|\.(.+))$/.exec(key);
    if (custom) return $(`custom-${custom[1] ?? custom[2]}`);
    const element = $(key);
    return element && form.contains(element) ? element : $(`custom-${key}`);
  }

  /** Each line is the server's wording or `[id, values]` of ours. Focused unless a field gets the focus: on a phone
   * the summary is a screen above the submit button, and a screen reader reads it from there. */
  function showSummary(lines, focus = true) {
    summary.replaceChildren(...lines.map((line) => {
      const paragraph = document.createElement('p');
      show(paragraph, line);
      return paragraph;
    }));
    summary.hidden = false;
    if (focus) summary.focus();
  }

  function clearErrors() {
    summary.hidden = true;
    summary.replaceChildren();
    for (const input of form.querySelectorAll('[aria-invalid]')) clearInvalid(input);
  }

  function showFieldErrors(fields) {
    const unplaced = [];
    let first = null;
    for (const [key, message] of Object.entries(fields)) {
      const input = fieldFor(key);
      if (!input) {
        unplaced.push(message);
        continue;
      }
      markInvalid(input, message);
      // The first invalid field in the form's order (the server's keys are sorted by name: consent came first).
      if (!first || first.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_PRECEDING) first = input;
    }
    showSummary([['ticket.checkMarked'], ...unplaced], first === null);
    first?.focus();
  }

  form.addEventListener('input', (event) => {
    if (event.target.hasAttribute('aria-invalid')) clearInvalid(event.target);
  });

  attachments.addEventListener('change', () => {
    const files = Array.from(attachments.files);
    const tooLarge = files.find((file) => file.size > attachmentRules.maxBytes);
    const wrongType = attachmentRules.types.length > 0 && files.find((file) => !attachmentRules.types.includes(file.type)
      && !allowedExtensions().some((extension) => file.name.toLowerCase().endsWith(extension)));
    if (files.length > attachmentRules.maxCount) markInvalid(attachments, ['attachments.tooMany', { count: attachmentRules.maxCount }]);
    else if (tooLarge) {
      markInvalid(attachments, ['attachments.tooLarge', { name: tooLarge.name, megabytes: megabytes(attachmentRules.maxBytes) }]);
    }
    else if (wrongType) markInvalid(attachments, ['attachments.wrongType', { name: wrongType.name, types: typeNames() }]);
    else clearInvalid(attachments);
  });

  /** The ticket as multipart/form-data with the contract's part names (fields by their captured elements). */
  function ticketData() {
    const data = new FormData();
    for (const name of ['email', 'name', 'subject', 'description']) data.append(name, $(name).value.trim());
    for (const name of ['company', 'customerNumber', 'category']) {
      const value = $(name).value.trim();
      if (value) data.append(name, value);
    }
    data.append('consent', String($('consent').checked));
    if ($('urgent').checked) data.append('urgent', 'true');
    data.append('session', session);
    for (const input of customInputs) {
      if (input.value.trim()) data.append(input.name, input.value.trim());
    }
    for (const file of attachments.files) data.append('attachments', file, file.name);
    return data;
  }

  /** Sends with the same Idempotency-Key on every attempt, so a retry after a lost answer creates no duplicate. */
  async function sendTicket(body, key) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await api('/api/v1/tickets', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
      } catch (error) {
        if (attempt >= SEND_ATTEMPTS) throw error;
        await sleep(attempt * 1000);
      }
    }
  }

  // The key of a submission that got no answer: the next submit reuses it instead of risking a second ticket —
  // unless the form changed since, since the server refuses a key reused for a different request.
  let unansweredKey = null;
  let submitting = false;
  form.addEventListener('input', () => { unansweredKey = null; });
  form.addEventListener('change', () => { unansweredKey = null; });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submitting) return;
    submitting = true;
    submitButton.disabled = true;
    clearErrors();
    say(submitStatus, 'ticket.sending');
    const key = unansweredKey ?? uuid();
    try {
      const answer = await sendTicket(ticketData(), key);
      unansweredKey = null;
      say(submitStatus, null);
      if (answer.status === 201 && answer.data?.id) showTicketDone(answer.data.id);
      else if (answer.status === 422 && answer.data?.error?.code === 'idempotency_key_reused') {
        showSummary([['ticket.changed']]);
      } else if (answer.status === 422 && answer.data?.error?.fields) showFieldErrors(answer.data.error.fields);
      else if (answer.status === 413) showFieldErrors({ attachments: ['ticket.tooLarge'] });
      else if (answer.status === 429) showSummary([['ticket.tooMany']]);
      else showSummary([['ticket.failed', { status: answer.status }]]);
    } catch {
      unansweredKey = key;
      say(submitStatus, null);
      showSummary([['ticket.offline']]);
    } finally {
      submitting = false;
      submitButton.disabled = false;
    }
  });

  function showTicketDone(id, replyTo = $('email').value.trim()) {
    forgetDraft();
    rememberDone(id, replyTo);
    $('ticket-number').textContent = id;
    $('ticket-reply-to').textContent = replyTo;
    layout.hidden = true;
    $('ticket-done').hidden = false;
    $('ticket-done-title').focus();
  }

  $('ticket-new').addEventListener('click', () => {
    form.reset();
    forgetDraft();
    forgetDone();
    clearErrors();
    renderResults(suggestionList, []);
    announceSuggestionCount(null);
    backToForm(subject);
  });

  // MARK: The draft survives a reload, a closed-and-restored tab and a failed submission: every change is kept in
  // this tab's sessionStorage until the ticket is sent. Not the consent (given anew) nor attachments (files).

  const DRAFT_KEY = 'lotse-ticket-draft';
  const DRAFT_FIELDS = ['email', 'name', 'company', 'customerNumber', 'subject', 'description'];
  /** Stored values whose inputs do not exist yet (the topic and custom fields come with the ticket form). */
  let pendingDraft = {};

  function readDraft() {
    try {
      const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}');
      return draft && typeof draft === 'object' ? draft : {};
    } catch {
      return {}; // storage off (a private window's settings) or not ours: the form works without it
    }
  }

  function saveDraft() {
    const draft = { ...pendingDraft, urgent: $('urgent').checked, category: $('category').value || pendingDraft.category };
    for (const name of DRAFT_FIELDS) draft[name] = $(name).value;
    for (const input of customInputs) draft[input.name] = input.value;
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // full or off: nothing to keep it in
    }
  }

  function forgetDraft() {
    pendingDraft = {};
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // nothing stored then
    }
  }

  /** Fills the inputs that exist from `pendingDraft`, keeping the rest for later. */
  function restoreDraft() {
    const inputs = [...DRAFT_FIELDS.map((name) => [name, $(name)]), ['category', $('category')],
      ...customInputs.map((input) => [input.name, input])];
    for (const [name, input] of inputs) {
      const value = pendingDraft[name];
      if (typeof value !== 'string' || !value) continue;
      if (input.tagName === 'SELECT' && ![...input.options].some((option) => option.value === value)) continue;
      input.value = value;
      delete pendingDraft[name];
    }
    if (pendingDraft.urgent === true) $('urgent').checked = true;
    delete pendingDraft.urgent;
  }

  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  pendingDraft = readDraft();
  restoreDraft();

  // MARK: The confirmation survives a reload of the tab (and Back to the page): the ticket's number and the reply
  // address are kept in this tab's sessionStorage, never in the address. "Neue Anfrage stellen" and any other
  // arrival at the page (a link, the address typed) forget it.

  const DONE_KEY = 'lotse-ticket-done';

  function rememberDone(id, replyTo) {
    try {
      sessionStorage.setItem(DONE_KEY, JSON.stringify({ id, replyTo }));
    } catch {
      // full or off: the confirmation is shown until the page is left
    }
  }

  function forgetDone() {
    try {
      sessionStorage.removeItem(DONE_KEY);
    } catch {
      // nothing stored then
    }
  }

  function readDone() {
    try {
      const done = JSON.parse(sessionStorage.getItem(DONE_KEY) ?? 'null');
      return typeof done?.id === 'string' && typeof done.replyTo === 'string' ? done : null;
    } catch {
      return null;
    }
  }

  const arrival = performance.getEntriesByType?.('navigation')?.[0]?.type;
  const done = arrival === 'reload' || arrival === 'back_forward' ? readDone() : null;
  if (done) showTicketDone(done.id, done.replyTo);
  else forgetDone();

  // "Anfrage stellen" on an article page leads to /?betreff=TITLE#anfrage: the form with that subject, unless
  // this tab's draft already has one (or the ticket is sent: reloaded, the page shows its confirmation again).
  const askedSubject = done ? null : new URLSearchParams(location.search).get('betreff')?.trim();
  if (askedSubject && !subject.value.trim()) {
    subject.value = askedSubject.slice(0, 200);
    saveDraft();
  }
  // After the load: the browser's scroll to #anfrage would take the focus away again.
  if (askedSubject) window.addEventListener('load', () => setTimeout(() => description.focus(), 0), { once: true });
  if (subject.value.trim() || description.value.trim()) suggestLive(0);

  showAttachmentHint();
  loadCategories();
  loadTicketForm().then(restoreDraft);
})();
