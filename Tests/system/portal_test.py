#!/usr/bin/env python3
"""End-to-end test of the portal page in a real headless browser (Debian's chromium + chromium-driver, Selenium).

Starts `lotse serve` on a free loopback port over a copy of articles/ (plus one article whose text looks like
markup) with a throwaway index, ticket database and admin token, drives the page like a customer, and checks the
results through the admin API. Every step runs on a fresh page; the run fails (exit 1) if any step fails, and the
server is always stopped. Saves the form with live suggestions as a screenshot (--screenshot; `make docs-screenshot`
writes docs/portal.png), and beside it article.png (an article page), phone.png (the form at 360 px while typing)
and phone-en.png (the same for an English browser).

Usage: portal_test.py [--lotse .build/debug/lotse] [--articles articles] [--screenshot .build/screenshots/portal.png] [--port N]
"""
import argparse
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from lotse_server import LotseServer
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 20

# The draft a customer types; `passwort-zuruecksetzen` must be suggested for it.
RESPONSE_TIME = "24 Stunden"
PRIVACY_URL = "https://www.lindenhost.de/datenschutz"
IMPRINT_URL = "/impressum"  # a path on the portal's own server
DRAFT_SUBJECT = "Passwort vergessen"
DRAFT_DESCRIPTION = "Guten Tag, ich komme nicht mehr in mein Kundenkonto. Der Link zum Zurücksetzen ist abgelaufen."
EXPECTED_ARTICLE = "passwort-zuruecksetzen"

# An article whose body text looks like markup: its snippets must show it as text.
MARKUP_ARTICLE = """---
title: Skriptwarnung im Editor
category: Sicherheit
tags: [skript, warnung]
---
# Skriptwarnung im Editor

Fügen Sie `<script>window.lotseInjected = 1</script>` oder `<img src=x onerror="window.lotseInjected = 2">` in
ein Formular ein, zeigt der Editor eine Skriptwarnung und speichert den Text nicht.
"""


# German compounds longer than a phone is wide, as a title, a category, in the text, a code line and a table.
LONG_TITLE = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenverwaltungsvorschriften"
LONG_CATEGORY_PATH = "/hilfe/vertragsverlaengerungsbenachrichtigungseinstellungen"
LONG_WORDS_ARTICLE = f"""---
title: {LONG_TITLE}
category: Vertragsverlängerungsbenachrichtigungseinstellungen
tags: [vorschriften]
---
# {LONG_TITLE}

Die Rechtsschutzversicherungsgesellschaftenvertragsbedingungen gelten für die E-Mail-Adresse
kundenservice-rechtsabteilung-niederlassung@donaudampfschifffahrtsgesellschaft.example.de.

```
curl -X POST https://api.lindenhost.de/v1/kundenkonten/1234567890/rechnungsadressen/aenderungsantraege?format=json
```

| Einstellung | Wert |
|---|---|
| Vertragsverlängerungsbenachrichtigungseinstellungen | Kundenkommunikationspräferenzenverwaltung |
"""
EXTRA_ARTICLES = {"skriptwarnung-im-editor.md": MARKUP_ARTICLE, "lange-woerter.md": LONG_WORDS_ARTICLE}


class StepFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise StepFailed(message)


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=de-DE", "--disable-extensions"]:
        options.add_argument(argument)
    # A German customer's browser: the portal picks the articles' language from navigator.languages.
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


class Portal:
    """The page as a customer sees it, with the waits the steps share."""

    def __init__(self, driver, server):
        self.driver = driver
        self.server = server

    def open(self):
        # A fresh page: without the draft an earlier step left in this tab's sessionStorage.
        if self.driver.current_url.startswith(self.server.base):
            self.driver.execute_script("sessionStorage.clear();")
        self.driver.get(self.server.base + "/")
        self.wait_until(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#category-list button"),
                        "the category list did not load")

    def element(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def wait_until(self, condition, message, seconds=WAIT_SECONDS):
        try:
            return WebDriverWait(self.driver, seconds).until(lambda _: condition())
        except TimeoutException:
            raise StepFailed(f"{message} (waited {seconds} s)") from None

    def type_slowly(self, element_id, text):
        """Character by character, as a person types (each key fires its own input event)."""
        field = self.element(element_id)
        for character in text:
            field.send_keys(character)

    def result_ids(self, list_id):
        # Read in one script: a list re-rendered between finding and reading its items cannot go stale.
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll(`#${arguments[0]} [data-id]`), (item) => item.dataset.id);", list_id)

    def wait_for_result(self, list_id, article_id):
        self.wait_until(lambda: article_id in self.result_ids(list_id),
                        f"{article_id} did not appear in #{list_id} (shown: {self.result_ids(list_id)})")
        return self.driver.find_element(By.CSS_SELECTOR, f'#{list_id} [data-id="{article_id}"]')

    def type_draft(self):
        self.type_slowly("subject", DRAFT_SUBJECT)
        self.type_slowly("description", DRAFT_DESCRIPTION)
        self.wait_for_result("suggestion-list", EXPECTED_ARTICLE)
        # An answer to a request sent mid-typing may show the article before the last one re-orders the list.
        self.wait_until_settled("suggestion-list")
        return self.wait_for_result("suggestion-list", EXPECTED_ARTICLE)

    def wait_until_settled(self, list_id, quiet_seconds=0.8):
        """Until the list has stayed the same for `quiet_seconds` (the page's debounce is 200 ms)."""
        previous, since = None, time.monotonic()
        deadline = since + WAIT_SECONDS
        while time.monotonic() < deadline:
            current = self.result_ids(list_id)
            if current != previous:
                previous, since = current, time.monotonic()
            elif time.monotonic() - since >= quiet_seconds:
                return current
            time.sleep(0.1)
        raise StepFailed(f"#{list_id} kept changing for {WAIT_SECONDS} s")

    def visible(self, element_id):
        elements = self.driver.find_elements(By.ID, element_id)
        return bool(elements) and elements[0].is_displayed()

    def active_id(self):
        return self.driver.execute_script(
            "const a = document.activeElement; return a.dataset.id ? 'suggestion:' + a.dataset.id : a.id;")

    def fill_contact(self, email="jana.schroeder@example.de", name="Jana Schröder"):
        self.type_slowly("email", email)
        self.type_slowly("name", name)

    def csp_violations(self):
        return [entry["message"] for entry in self.driver.get_log("browser")
                if "Content Security Policy" in entry["message"]]


# MARK: Steps (each gets a freshly loaded page)

def step_page_is_served_safely(portal):
    """The page and its files: content types, caching, CSP without inline code, nosniff; nothing external loads."""
    expected = {"/": "text/html", "/portal/portal.js": "text/javascript", "/portal/portal.css": "text/css"}
    for path, media_type in expected.items():
        status, headers, _ = portal.server.get(path)
        check(status == 200, f"GET {path} answered {status}")
        check(headers.get("Content-Type", "").startswith(media_type), f"GET {path}: Content-Type {headers.get('Content-Type')}")
        policy = headers.get("Content-Security-Policy", "")
        check("default-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy,
              f"GET {path}: Content-Security-Policy {policy!r}")
        check(headers.get("X-Content-Type-Options") == "nosniff", f"GET {path}: no X-Content-Type-Options: nosniff")
        check(headers.get("Cache-Control"), f"GET {path}: no Cache-Control")
    status, _, _ = portal.server.get("/portal/gibt-es-nicht.js")
    check(status == 404, f"an unknown portal file answered {status}")
    foreign = portal.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));")
    check(foreign == [], f"the page loaded external resources: {foreign}")
    check(portal.csp_violations() == [], f"Content-Security-Policy violations: {portal.csp_violations()}")


def step_search_categories_and_article(portal):
    """Search box, category browsing, article view with the helpfulness question."""
    portal.type_slowly("search-input", "Kundennumer")  # with a typo
    portal.wait_for_result("search-results", "kundennummer-finden")
    category = portal.driver.find_element(By.CSS_SELECTOR, '#category-list button[data-category="Konto & Anmeldung"]')
    category.click()
    portal.wait_until(lambda: len(portal.result_ids("category-results")) >= 5,
                      f"category Konto & Anmeldung listed {portal.result_ids('category-results')}")
    check(category.get_attribute("aria-pressed") == "true", "the chosen category is not marked aria-pressed")
    portal.driver.find_element(By.CSS_SELECTOR, '#category-results [data-id="kundennummer-finden"]').click()
    portal.wait_until(lambda: portal.element("article-title").text == "Kundennummer finden", "the article did not open")
    check(portal.visible("feedback-yes") and "War dieser Artikel hilfreich?" in portal.element("article-view").text,
          "the article has no 'War dieser Artikel hilfreich?' question")
    check(portal.active_id() == "article-title", f"focus is on {portal.active_id()}, not the article title")


def step_article_feedback(portal):
    """'Ja' under an article records helpful feedback (admin stats: topHelpfulArticles)."""
    portal.type_slowly("search-input", "Kundennummer")
    portal.wait_for_result("search-results", "kundennummer-finden").click()
    portal.wait_until(lambda: portal.visible("feedback-yes"), "the article did not open")
    portal.element("feedback-yes").click()
    portal.wait_until(lambda: "Danke" in portal.element("feedback-status").text,
                      f"no thanks after the feedback: {portal.element('feedback-status').text!r}")
    status, _, stats = portal.server.get("/api/v1/admin/stats?since=24h", admin=True)
    check(status == 200, f"GET /api/v1/admin/stats answered {status}: {stats}")
    helpful = {entry["id"]: entry for entry in stats.get("topHelpfulArticles", [])}
    check(helpful.get("kundennummer-finden", {}).get("helpful") == 1, f"topHelpfulArticles: {stats.get('topHelpfulArticles')}")


def votes(portal, article_id):
    status, _, stats = portal.server.get("/api/v1/admin/stats?since=24h", admin=True)
    check(status == 200, f"GET /api/v1/admin/stats answered {status}: {stats}")
    return next((entry for entry in stats.get("topHelpfulArticles", []) if entry["id"] == article_id), {})


def step_not_helpful_leads_to_the_form(portal):
    """'Nein' under an article records the vote and offers the ticket form, its subject taken from the search."""
    portal.type_slowly("search-input", "Rechnungsadresse ändern")
    portal.wait_for_result("search-results", "rechnungsadresse-ust-idnr-aendern").click()
    portal.wait_until(lambda: portal.visible("feedback-no"), "the article did not open")
    portal.element("feedback-no").click()
    portal.wait_until(lambda: "persönlich weiter" in portal.element("feedback-status").text,
                      f"no offer after 'Nein': {portal.element('feedback-status').text!r}")
    check(portal.active_id() == "article-ask", f"after 'Nein' focus is on {portal.active_id()}")
    check(votes(portal, "rechnungsadresse-ust-idnr-aendern").get("notHelpful") == 1, "the 'Nein' was not recorded")
    portal.element("article-ask").click()
    check(not portal.visible("article-view"), "the article stays open over the form")
    check(portal.element("subject").get_attribute("value") == "Rechnungsadresse ändern", "the subject is not the search")
    check(portal.active_id() == "description", f"focus is on {portal.active_id()}, not the description")
    portal.wait_for_result("suggestion-list", "rechnungsadresse-ust-idnr-aendern")


def step_ticket_only_topic(portal):
    """A ticket-only topic (a refund) is suggested, but asks for a ticket instead of 'Ja, Problem gelöst'."""
    portal.type_slowly("subject", "Rückerstattung")
    portal.type_slowly("description", "Ich habe doppelt bezahlt und möchte mein Geld zurück.")
    portal.wait_for_result("suggestion-list", "rueckerstattung-beantragen").click()
    portal.wait_until(lambda: portal.visible("solution-view"), "the ticket-only article did not open")
    check(not portal.visible("solution-yes"), "a ticket-only article offers 'Ja, Problem gelöst'")
    check(portal.element("solution-question").text == "Bitte senden Sie uns eine Anfrage.",
          f"the question reads {portal.element('solution-question').text!r}")
    check(portal.visible("solution-ticket-only"), "no explanation that the topic needs a ticket")
    portal.element("solution-no").click()
    portal.wait_until(lambda: portal.visible("ticket-form"), "'Anfrage weiter schreiben' did not return to the form")
    check(portal.element("subject").get_attribute("value") == "Rückerstattung", "the subject was not kept")
    check(votes(portal, "rueckerstattung-beantragen") == {}, "going on to a ticket was counted as a vote against the article")


def step_article_language(portal):
    """Search and categories default to the browser's language (German here) and follow the switch: French
    articles are not in the German lists, and appear when French (or every language) is chosen; so do the
    portal's own texts."""
    select = Select(portal.element("article-language"))
    check(select.first_selected_option.get_attribute("value") == "de", "a de-DE browser does not get German articles first")
    portal.type_slowly("search-input", "mot de passe")
    portal.wait_until(lambda: portal.element("search-status").text, "the search did not answer")
    check("fr-reinitialiser-mot-de-passe" not in portal.result_ids("search-results"),
          f"German mode lists the French article: {portal.result_ids('search-results')}")
    select.select_by_value("fr")
    portal.wait_for_result("search-results", "fr-reinitialiser-mot-de-passe")
    category = portal.driver.find_element(By.CSS_SELECTOR, '#category-list button[data-category="Konto & Anmeldung"]')
    check(category.text == "Konto & Anmeldung (1)", f"the French category list shows {category.text!r}")
    select.select_by_value("de")
    portal.wait_until(lambda: portal.driver.find_elements(By.CSS_SELECTOR, '#category-list button[data-category="Konto & Anmeldung"]')
                      and "(1)" not in portal.driver.find_element(By.CSS_SELECTOR, '#category-list button[data-category="Konto & Anmeldung"]').text,
                      "the German category list still counts the French article")
    portal.driver.find_element(By.CSS_SELECTOR, '#category-list button[data-category="Konto & Anmeldung"]').click()
    portal.wait_until(lambda: len(portal.result_ids("category-results")) >= 5, "the German category lists no articles")
    check(not any(id.startswith(("fr-", "en-", "es-")) for id in portal.result_ids("category-results")),
          f"the German category lists {portal.result_ids('category-results')}")
    select.select_by_value("fr")
    portal.element("search-input").clear()
    portal.type_slowly("search-input", "Kundennummer")
    portal.wait_until(lambda: "dans cette langue" in portal.element("search-status").text,
                      f"a German word in French mode says {portal.element('search-status').text!r}")
    # The portal's own texts follow the chosen article language.
    check(portal.element("suche-titel").text == "Comment pouvons-nous vous aider ?",
          f"in French the heading reads {portal.element('suche-titel').text!r}")
    check(portal.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr", "in French the page is not lang=fr")


def step_nothing_found_is_logged_once(portal):
    """A search box query that finds nothing appears once in the authors' list, not once per keystroke."""
    query = "Quxzyklöppelei Bedienung"
    # In pieces with pauses longer than the page's 200 ms debounce, so each piece reaches the server.
    for piece in ("Quxzyk", "löppel", "ei Bed", "ienung"):
        portal.type_slowly("search-input", piece)
        time.sleep(0.6)
    portal.wait_until(lambda: "Keine passenden Artikel" in portal.element("search-status").text,
                      f"the search box did not report that nothing was found: {portal.element('search-status').text!r}")

    def logged():
        status, _, stats = portal.server.get("/api/v1/admin/stats?since=24h", admin=True)
        check(status == 200, f"GET /api/v1/admin/stats answered {status}: {stats}")
        return [entry["query"] for entry in stats.get("zeroResultQueries", []) if entry["query"].startswith("qux")]
    # Held while the session may still be typing: written after 5 quiet seconds.
    portal.wait_until(lambda: logged() != [], "the zero-result query never reached the stats", seconds=15)
    check(logged() == [query.lower()], f"zero-result queries logged for one typed search: {logged()}")


def step_no_result_leads_to_the_form(portal):
    """On a phone, a search that finds nothing says so and offers "Anfrage stellen" right there, which takes the
    customer to the form (screens below) with the search as subject and the focus in the description."""
    portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        portal.open()
        check(not portal.visible("search-ask"), "'Anfrage stellen' is offered before any search")
        portal.type_slowly("search-input", "Quxzyklöppelei Bedienung")
        portal.wait_until(lambda: "Keine passenden Artikel" in portal.element("search-status").text,
                          f"the search says {portal.element('search-status').text!r}")
        # German is this browser's own language: no advice to switch to all languages.
        check(portal.element("search-status").text.startswith("Keine passenden Artikel gefunden.")
              and "allen Sprachen" not in portal.element("search-status").text,
              f"in the browser's own language the search says {portal.element('search-status').text!r}")
        check(portal.visible("search-ask") and in_viewport(portal, "search-ask-button"),
              "no 'Anfrage stellen' in view beside the empty answer")
        portal.element("search-ask-button").click()
        check(portal.element("subject").get_attribute("value") == "Quxzyklöppelei Bedienung", "the subject is not the search")
        check(portal.active_id() == "description", f"focus is on {portal.active_id()}, not the description")
        check(in_viewport(portal, "description"), "the description is not in view")
    finally:
        portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def step_suggestions_while_typing(portal, screenshot):
    """Typing a draft character by character shows the expected article, with highlights; saves the screenshot."""
    portal.fill_contact()
    suggestion = portal.type_draft()
    check(suggestion.find_elements(By.CSS_SELECTOR, ".snippet mark"), "the suggestion's snippet has no highlights")
    check("Konto & Anmeldung" in suggestion.text, f"the suggestion shows no category: {suggestion.text!r}")
    # A screen reader hears the count, not every title at each refresh.
    check(portal.element("suggestion-list").get_attribute("aria-live") is None, "the suggestion list itself is aria-live")
    count = portal.element("suggestion-count")
    check(count.get_attribute("aria-live") == "polite", "the suggestion count is not aria-live=polite")
    shown = len(portal.result_ids("suggestion-list"))
    expected_count = "1 passender Artikel" if shown == 1 else f"{shown} passende Artikel"
    check(count.get_attribute("textContent") == expected_count,
          f"the count says {count.get_attribute('textContent')!r}, {shown} shown")
    # Wide screens: the suggestions stand beside the form, level with its top.
    layout = portal.driver.execute_script(
        "const box = (id) => document.getElementById(id).getBoundingClientRect();"
        "return [box('suggestions').left, box('description').right, box('suggestions').top, box('email').top];")
    check(layout[0] >= layout[1], f"at {portal.driver.get_window_size()['width']} px the suggestions are not beside the form: {layout}")
    if screenshot:
        os.makedirs(os.path.dirname(os.path.abspath(screenshot)), exist_ok=True)
        portal.driver.set_window_size(1280, 1400)
        portal.driver.execute_script("document.getElementById('anfrage').scrollIntoView();")
        portal.element("anfrage").screenshot(screenshot)


def step_suggestions_follow_the_article_language(portal):
    """A German draft with German chosen in the header is shown German articles only (as the search box is); with
    "allen Sprachen" the same draft may be shown the English and French ones too."""
    portal.type_draft()
    foreign = lambda: [id for id in portal.result_ids("suggestion-list") if id.startswith(("en-", "fr-", "es-"))]
    check(not foreign(), f"German chosen, the suggestions include {foreign()}")
    Select(portal.element("article-language")).select_by_value("")
    portal.wait_until(lambda: foreign(), f"with every language the suggestions stay {portal.result_ids('suggestion-list')}")


def step_keyboard_navigation(portal):
    """ArrowDown/ArrowUp move through the suggestions, Escape returns to the field, Enter opens; 'Nein' keeps the text."""
    portal.type_draft()
    portal.wait_until(lambda: len(portal.result_ids("suggestion-list")) >= 2, "fewer than two suggestions")
    first, second = portal.result_ids("suggestion-list")[:2]
    subject = portal.element("subject")
    subject.click()
    subject.send_keys(Keys.ARROW_DOWN)
    check(portal.active_id() == f"suggestion:{first}", f"ArrowDown in the subject focused {portal.active_id()}")
    portal.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    check(portal.active_id() == f"suggestion:{second}", f"the second ArrowDown focused {portal.active_id()}")
    portal.driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    check(portal.active_id() == f"suggestion:{first}", f"ArrowUp focused {portal.active_id()}")
    portal.driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    check(portal.active_id() == "subject", f"ArrowUp from the first suggestion focused {portal.active_id()}")
    subject.send_keys(Keys.ARROW_DOWN)
    portal.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    check(portal.active_id() == "subject", f"Escape focused {portal.active_id()}")
    subject.send_keys(Keys.ARROW_DOWN)
    portal.driver.switch_to.active_element.send_keys(Keys.ENTER)
    portal.wait_until(lambda: portal.visible("solution-view"), "Enter on a suggestion did not open the article")
    check(portal.element("solution-title").text != "", "the opened article has no title")
    check("Hat das Ihr Problem gelöst?" in portal.element("solution-view").text, "no 'Hat das Ihr Problem gelöst?'")
    check(not portal.visible("ticket-form"), "the form is still shown beside the opened article")
    portal.element("solution-no").click()
    portal.wait_until(lambda: portal.visible("ticket-form"), "'Nein' did not return to the form")
    check(portal.element("subject").get_attribute("value") == DRAFT_SUBJECT, "the subject was not kept")
    check(portal.element("description").get_attribute("value") == DRAFT_DESCRIPTION, "the description was not kept")
    check(portal.active_id() == f"suggestion:{first}", f"after 'Nein' focus is on {portal.active_id()}")
    portal.wait_until(lambda: votes(portal, first).get("notHelpful") == 1, "the 'Nein' under the suggestion was not recorded")


def step_escape_closes_an_article(portal):
    """Escape closes an opened suggestion (back to the form, focus on the suggestion, the draft and the address
    kept, no vote) and an article opened from the search."""
    before = votes(portal, EXPECTED_ARTICLE)
    first = portal.type_draft()
    first.click()
    portal.wait_until(lambda: portal.visible("solution-view"), "the suggestion did not open")
    portal.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    portal.wait_until(lambda: portal.visible("ticket-form") and not portal.visible("solution-view"), "Escape did not close the suggestion")
    check(portal.active_id() == f"suggestion:{EXPECTED_ARTICLE}", f"after Escape focus is on {portal.active_id()}")
    check(portal.element("description").get_attribute("value") == DRAFT_DESCRIPTION, "Escape lost the draft")
    portal.wait_until(lambda: portal.driver.current_url == portal.server.base + "/", f"after Escape the address is {portal.driver.current_url}")
    check(votes(portal, EXPECTED_ARTICLE) == before, "Escape was counted as a vote")
    portal.type_slowly("search-input", "Kundennummer")
    portal.wait_for_result("search-results", "kundennummer-finden").click()
    portal.wait_until(lambda: portal.visible("article-view"), "the article did not open")
    portal.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    portal.wait_until(lambda: not portal.visible("article-view"), "Escape did not close the article")
    check(portal.active_id() == "suggestion:kundennummer-finden", f"after Escape focus is on {portal.active_id()}")


# Holds back the page's first suggestion request, ignoring its abort signal, until the test releases it, and
# records whether the page aborted it meanwhile: its late answer must not replace the newer suggestions.
HOLD_FIRST_SUGGESTION = """
let release;
const released = new Promise((resolve) => { release = resolve; });
window.lotseProbe = { calls: 0, staleAborted: null, staleAnswered: false, release };
const original = window.fetch;
window.fetch = (url, init) => {
  if (!String(url).endsWith('/api/v1/suggest') || window.lotseProbe.calls++ > 0) return original(url, init);
  const signal = init.signal;
  return released
    .then(() => original(url, { ...init, signal: undefined }))
    .then((response) => {
      window.lotseProbe.staleAborted = signal.aborted;
      setTimeout(() => { window.lotseProbe.staleAnswered = true; }, 300);
      return response;
    });
};
"""


def step_stale_suggestions_are_discarded(portal):
    """A superseded suggestion request is aborted, and its late answer never replaces newer suggestions."""
    portal.driver.execute_script(HOLD_FIRST_SUGGESTION)
    portal.type_slowly("subject", "Rechnungskopie")
    portal.wait_until(lambda: portal.driver.execute_script("return window.lotseProbe.calls") >= 1, "no suggestion request")
    portal.type_slowly("subject", Keys.BACKSPACE * len("Rechnungskopie") + DRAFT_SUBJECT)
    portal.wait_for_result("suggestion-list", EXPECTED_ARTICLE)
    newer = portal.result_ids("suggestion-list")
    portal.driver.execute_script("window.lotseProbe.release()")
    portal.wait_until(lambda: portal.driver.execute_script("return window.lotseProbe.staleAnswered"), "the held-back request never finished")
    check(portal.driver.execute_script("return window.lotseProbe.staleAborted") is True, "the superseded request was not aborted")
    check(portal.result_ids("suggestion-list") == newer,
          f"the late answer replaced the suggestions: {newer} became {portal.result_ids('suggestion-list')}")


def step_markup_in_snippets_is_text(portal):
    """An article whose text looks like <script>/<img onerror> shows that text in the snippet; nothing runs."""
    portal.type_slowly("search-input", "Skriptwarnung Editor")
    result = portal.wait_for_result("search-results", "skriptwarnung-im-editor")
    snippet = result.find_element(By.CSS_SELECTOR, ".snippet")
    check("<script>window.lotseInjected = 1</script>" in snippet.text, f"the snippet does not show the markup as text: {snippet.text!r}")
    injected = portal.driver.execute_script(
        "return [document.querySelectorAll('#search-results script, #search-results img').length, window.lotseInjected];")
    check(injected == [0, None], f"markup from the snippet became elements or ran: {injected}")
    tags = {element.tag_name for element in snippet.find_elements(By.CSS_SELECTOR, "*")}
    check(tags <= {"mark"}, f"the snippet holds elements other than <mark>: {sorted(tags)}")


def article_funnel(portal, article_id):
    """(opened, solved) sessions of an article today, from the dashboard's article statistics."""
    status, _, stats = portal.server.get("/api/v1/admin/article-stats?days=7", admin=True)
    check(status == 200, f"GET /api/v1/admin/article-stats answered {status}: {stats}")
    row = next((entry for entry in stats.get("articles", []) if entry["id"] == article_id), {})
    return row.get("opened", 0), row.get("solved", 0)


def step_deflection(portal):
    """Opening a suggestion and answering 'Ja' thanks the customer, counts one deflection, and the dashboard counts
    this session as having opened and solved the article."""
    opened, solved = article_funnel(portal, EXPECTED_ARTICLE)
    portal.type_draft().click()
    portal.wait_until(lambda: portal.visible("solution-yes"), "the suggested article did not open")
    check(portal.element("solution-title").text == "Passwort zurücksetzen", f"opened {portal.element('solution-title').text!r}")
    portal.element("solution-yes").click()
    portal.wait_until(lambda: portal.visible("deflection-thanks"), "no thanks after 'Ja'")
    status, _, stats = portal.server.get("/api/v1/admin/stats?since=24h", admin=True)
    check(status == 200, f"GET /api/v1/admin/stats answered {status}: {stats}")
    check(stats.get("deflected") == 1, f"admin stats show deflected={stats.get('deflected')}, expected 1: {stats}")
    top = [entry.get("id") for entry in stats.get("topDeflectingArticles", [])]
    check(EXPECTED_ARTICLE in top, f"topDeflectingArticles: {top}")
    portal.wait_until(lambda: article_funnel(portal, EXPECTED_ARTICLE) == (opened + 1, solved + 1),
                      f"article-stats of {EXPECTED_ARTICLE} did not count this session's open and solve (before: "
                      f"opened {opened}, solved {solved})", seconds=10)


def field_error(portal, field_id):
    """The error shown for a field: it must be visible, inside the field's block, and tied to the input."""
    field = portal.element(field_id)
    error_id = f"{field_id}-error"
    check(portal.visible(error_id), f"no visible error for {field_id}")
    check(field.get_attribute("aria-invalid") == "true", f"{field_id} is not aria-invalid")
    check(error_id in (field.get_attribute("aria-describedby") or "").split(), f"{field_id} is not aria-describedby its error")
    inside = portal.driver.execute_script(
        "return arguments[0].closest('.field').contains(document.getElementById(arguments[1]));", field, error_id)
    check(inside, f"the error for {field_id} is not next to the field")
    return portal.element(error_id).text


# The server's German wording for the invalid ticket below (its message catalogue, not the portal's own text).
INVALID_TICKET_ERRORS = {
    "email": "Bitte geben Sie eine gültige E-Mail-Adresse an.",
    "name": "Bitte füllen Sie das Feld „Name“ aus.",
    "consent": "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, damit wir Ihre Anfrage bearbeiten können.",
}


def step_invalid_ticket(portal):
    """The server's 422 field errors appear in German next to exactly the bad fields; the typed text stays in the
    form; nothing is stored."""
    typed = {"email": "jana.schroeder(at)example", "subject": "Rechnung doppelt abgebucht",
             "description": "Die Rechnung für Oktober wurde zweimal abgebucht. Bitte erstatten Sie den Betrag."}
    for field_id, text in typed.items():
        portal.type_slowly(field_id, text)
    portal.element("ticket-submit").click()
    portal.wait_until(lambda: portal.visible("form-summary"), "no error summary after submitting an invalid ticket")
    check(portal.driver.find_elements(By.CSS_SELECTOR, ".field-error"),
          f"the server gave no field errors: {portal.element('form-summary').text!r}")
    for field_id, expected in INVALID_TICKET_ERRORS.items():
        shown = field_error(portal, field_id)
        check(shown == expected, f"the error for {field_id} reads {shown!r}, expected {expected!r}")
    # The first invalid field in the form's order takes the focus (the server lists them by name: consent first).
    check(portal.active_id() == "email", f"after the refused ticket the focus is on {portal.active_id()!r}, not the e-mail")
    for field_id, text in typed.items():
        value = portal.element(field_id).get_attribute("value")
        check(value == text, f"{field_id} holds {value!r} after the refused submission, expected the typed text")
    # The article language chosen in the header is the language the server words its errors in.
    Select(portal.element("article-language")).select_by_value("en")
    portal.element("ticket-submit").click()
    english = "Please enter a valid email address."
    portal.wait_until(lambda: portal.element("email-error").text == english,
                      f"with English articles chosen the email error reads {portal.element('email-error').text!r}")
    Select(portal.element("article-language")).select_by_value("de")
    for field_id in ["subject", "description", "company"]:
        check(portal.element(field_id).get_attribute("aria-invalid") is None, f"{field_id} is marked invalid but was fine")
    check(not portal.visible("ticket-done"), "an invalid ticket was confirmed")
    status, _, listing = portal.server.get("/api/v1/admin/tickets?status=open", admin=True)
    check(status == 200, f"GET /api/v1/admin/tickets answered {status}: {listing}")
    check(not any(ticket.get("subject") == "Rechnung doppelt abgebucht" for ticket in listing.get("tickets", [])),
          "the invalid ticket was stored")


# Answers the page's requests to `arguments[0]` (a path ending) itself while `window.lotseFakeAnswer` is set: a
# status number (a JSON error body with that status) or 'offline' (no connection); null passes them on.
FAKE_ANSWERS = """
window.lotseFakeAnswer = arguments[1];
const original = window.fetch;
window.fetch = (url, init) => {
  const answer = window.lotseFakeAnswer;
  if (!String(url).split('?')[0].endsWith(arguments[0]) || answer === null) return original(url, init);
  if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
  return Promise.resolve(new Response('{"error":{"code":"internal","message":"Interner Fehler"}}',
                                      { status: answer, headers: { 'Content-Type': 'application/json' } }));
};
"""

DRAFT = {"email": "jana.schroeder@example.de", "name": "Jana Schröder", "company": "Bäckerei Größe GmbH",
         "subject": DRAFT_SUBJECT, "description": DRAFT_DESCRIPTION}


# A required custom field, as an operator may configure one (`--ticket-fields`).
REQUIRED_FIELDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "ticket-fields-required.json")


def fill_required_custom_fields(portal):
    status, _, form = portal.server.get("/api/v1/ticket-form")
    check(status == 200, f"GET /api/v1/ticket-form answered {status}")
    for field in form.get("customFields", []):
        if field.get("required"):
            example = re.search(r"z\. ?B\. (\S+)", field.get("hint", ""))
            check(example, f"cannot fill the required custom field {field['name']} (no example in its hint)")
            portal.element(f"custom-{field['name']}").clear()
            portal.type_slowly(f"custom-{field['name']}", example.group(1))


def in_viewport(portal, element_id):
    return portal.driver.execute_script(
        "const box = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;", element_id)


def draft_values(portal):
    return {field_id: portal.element(field_id).get_attribute("value") for field_id in DRAFT}


def step_failed_submit_keeps_the_draft(portal):
    """On a phone: a submission answered 500, 429 or not at all says so in German where the customer looks (the
    summary, focused and in view) and keeps every typed field; a reload brings the draft back (sessionStorage)
    with its suggestions, but not the consent; once the ticket is sent the draft is gone."""
    portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        portal.open()
        for field_id, text in DRAFT.items():
            portal.type_slowly(field_id, text)
        fill_required_custom_fields(portal)
        portal.element("consent").click()
        portal.driver.execute_script(FAKE_ANSWERS, "/api/v1/tickets", 500)
        for answer, expected in [(500, "Die Anfrage konnte nicht gesendet werden (Fehler 500). Ihr Text bleibt hier erhalten"),
                                 (429, "Zu viele Anfragen in kurzer Zeit. Ihr Text bleibt hier erhalten"),
                                 ("offline", "Keine Verbindung zum Server. Ihr Text bleibt hier erhalten")]:
            portal.driver.execute_script("window.lotseFakeAnswer = arguments[0];", answer)
            portal.element("ticket-submit").click()
            portal.wait_until(lambda: expected in portal.element("form-summary").text,
                              f"answered {answer}, the summary reads {portal.element('form-summary').text!r}")
            check(portal.active_id() == "form-summary", f"answered {answer}, focus is on {portal.active_id()!r}")
            check(in_viewport(portal, "form-summary"), f"answered {answer}, the summary is out of view at 360 px")
            check(draft_values(portal) == DRAFT, f"answered {answer}, the form holds {draft_values(portal)}")
            check(not portal.visible("ticket-done"), f"answered {answer}, the ticket was confirmed")
        portal.driver.refresh()
        portal.wait_until(lambda: portal.driver.execute_script("return document.readyState") == "complete", "the reload did not finish")
        check(draft_values(portal) == DRAFT, f"after a reload the form holds {draft_values(portal)}")
        check(not portal.element("consent").is_selected(), "the consent was kept across the reload")
        kept = portal.element("custom-serverName").get_attribute("value")
        check(kept == "de-01-srv-1234", f"after a reload the custom field holds {kept!r}")
        portal.wait_for_result("suggestion-list", EXPECTED_ARTICLE)
        fill_required_custom_fields(portal)
        portal.element("consent").click()
        portal.element("ticket-submit").click()
        portal.wait_until(lambda: portal.visible("ticket-done") or portal.visible("form-summary"), "no answer to the submission")
        check(portal.visible("ticket-done"), f"the restored draft was rejected: {portal.element('form-summary').text!r}")
        portal.driver.refresh()
        portal.wait_until(lambda: portal.driver.execute_script("return document.readyState") == "complete", "the reload did not finish")
        leftover = {key: value for key, value in draft_values(portal).items() if value}
        check(not leftover, f"after the ticket was sent a reload still fills {leftover}")
    finally:
        portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def step_failed_suggestions_say_so(portal):
    """Suggestions that fail (500, no connection) say so instead of looking like "no article"; the next answer clears it."""
    unavailable = "Vorschläge sind gerade nicht verfügbar."
    portal.driver.execute_script(FAKE_ANSWERS, "/api/v1/suggest", 500)
    portal.type_slowly("subject", DRAFT_SUBJECT)
    portal.wait_until(lambda: unavailable in portal.element("suggestions-status").text,
                      f"a failed suggestion request shows {portal.element('suggestions-status').text!r}")
    check(portal.visible("suggestions-status") and portal.element("suggestions-status").get_attribute("role") == "status",
          "the failure is not shown as a status")
    portal.driver.execute_script("window.lotseFakeAnswer = 'offline';")
    portal.type_slowly("description", "Guten Tag")
    time.sleep(0.6)
    check(unavailable in portal.element("suggestions-status").text, "no connection is not reported")
    portal.driver.execute_script("window.lotseFakeAnswer = null;")
    portal.type_slowly("description", ", ich komme nicht mehr in mein Kundenkonto.")
    portal.wait_for_result("suggestion-list", EXPECTED_ARTICLE)
    portal.wait_until(lambda: portal.element("suggestions-status").get_attribute("textContent") == "",
                      "the failure notice stays after suggestions arrived")


def step_valid_ticket(portal, attachment):
    """A valid ticket (urgent, with an attachment) shows its number, and the admin list has it as sent. A reload shows
    the confirmation again, until "Neue Anfrage stellen"."""
    portal.fill_contact()
    portal.type_slowly("company", "Bäckerei Größe GmbH")
    portal.type_slowly("customerNumber", "K-204518")
    suggestion = portal.type_draft()
    fill_required_custom_fields(portal)
    check(suggestion.is_displayed(), "the suggestions vanished")
    portal.element("attachments").send_keys(attachment)
    portal.element("urgent").click()
    portal.element("consent").click()
    portal.element("ticket-submit").click()
    portal.wait_until(lambda: portal.visible("ticket-done") or portal.visible("form-summary"), "no answer to the submission")
    check(portal.visible("ticket-done"), f"the valid ticket was rejected: {portal.element('form-summary').text!r}")
    number = portal.element("ticket-number").text
    check(number, "no ticket number is shown")
    check(portal.active_id() == "ticket-done-title", f"focus after submitting is on {portal.active_id()}")
    done = portal.element("ticket-done").text
    for expected_text in ["jana.schroeder@example.de", f"innerhalb von {RESPONSE_TIME}", "Sie müssen nichts weiter tun"]:
        check(expected_text in done, f"the confirmation does not say {expected_text!r}: {done!r}")
    status, _, listing = portal.server.get("/api/v1/admin/tickets?status=open", admin=True)
    check(status == 200, f"GET /api/v1/admin/tickets answered {status}: {listing}")
    stored = next((ticket for ticket in listing.get("tickets", []) if ticket.get("id") == number), None)
    check(stored, f"ticket {number} is not in the admin list: {[ticket.get('id') for ticket in listing.get('tickets', [])]}")
    expected = {"email": "jana.schroeder@example.de", "name": "Jana Schröder", "company": "Bäckerei Größe GmbH",
                "customerNumber": "K-204518", "subject": DRAFT_SUBJECT, "description": DRAFT_DESCRIPTION, "urgent": True}
    differences = {key: stored.get(key) for key, value in expected.items() if stored.get(key) != value}
    check(not differences, f"stored ticket differs: {differences}")
    names = [item.get("name") for item in stored.get("attachments", [])]
    check(names == [os.path.basename(attachment)], f"stored attachments: {names}")
    check(EXPECTED_ARTICLE in stored.get("suggestedArticles", []), f"suggestedArticles: {stored.get('suggestedArticles')}")
    # A reload of the tab shows the confirmation again, with nothing the customer wrote in the address; once a new
    # request is started, a reload shows the form.
    address = urllib.parse.unquote(portal.driver.current_url)
    check(address == portal.server.base + "/", f"after submitting the address is {address}")
    portal.driver.refresh()
    portal.wait_until(lambda: portal.visible("ticket-done") and portal.element("ticket-number").text == number,
                      "the confirmation is gone after a reload")
    check(not portal.visible("ticket-layout"), "after a reload the form is shown beside the confirmation")
    check("jana.schroeder@example.de" in portal.element("ticket-done").text, "after a reload the confirmation lost the reply address")
    check(urllib.parse.unquote(portal.driver.current_url) == address, f"the reload changed the address: {portal.driver.current_url}")
    portal.element("ticket-new").click()
    portal.wait_until(lambda: portal.visible("ticket-form") and not portal.visible("ticket-done"),
                      "'Neue Anfrage stellen' kept the confirmation")
    portal.driver.refresh()
    portal.wait_until(lambda: portal.driver.find_elements(By.CSS_SELECTOR, "#category-list button"), "the page did not load again")
    check(portal.visible("ticket-form") and not portal.visible("ticket-done"), "after a new request a reload shows the old confirmation")


def step_operator_links(portal):
    """The consent links the operator's privacy policy; the footer has Impressum and Datenschutz."""
    portal.wait_until(lambda: portal.visible("consent-hint"), "no privacy policy link beside the consent")
    check(portal.element("privacy-link").get_attribute("href") == PRIVACY_URL, "the consent's link is not --privacy-url")
    check(portal.element("consent").get_attribute("aria-describedby") == "consent-hint", "the consent is not described by its hint")
    footer = {link.text: link.get_attribute("href") for link in portal.driver.find_elements(By.CSS_SELECTOR, "#site-footer a")
              if link.is_displayed()}
    check(footer == {"Impressum": portal.server.base + IMPRINT_URL, "Datenschutz": PRIVACY_URL}, f"footer links: {footer}")


def step_article_content_cannot_shadow_the_form(portal):
    """Elements with the form's own id, put before it (what article HTML would be, had it got past the sanitiser),
    do not take its place: the ticket is filed under the customer's address, not the injected one (issue 15)."""
    portal.driver.execute_script("""
        const shadow = document.createElement('div');
        shadow.innerHTML = '<div id="custom-fields"><input name="email" value="attacker@evil.example"></div>';
        document.body.prepend(shadow);""")
    portal.fill_contact(email="kunde.echt@example.de", name="Kunde Echt")
    portal.type_draft()
    fill_required_custom_fields(portal)
    portal.element("consent").click()
    portal.element("ticket-submit").click()
    portal.wait_until(lambda: portal.visible("ticket-done") or portal.visible("form-summary"), "no answer to the submission")
    check(portal.visible("ticket-done"), f"the ticket was rejected: {portal.element('form-summary').text!r}")
    number = portal.element("ticket-number").text
    status, _, listing = portal.server.get("/api/v1/admin/tickets?status=open", admin=True)
    stored = next((ticket for ticket in listing.get("tickets", []) if ticket.get("id") == number), {})
    check(stored.get("email") == "kunde.echt@example.de", f"the ticket was filed under {stored.get('email')!r}")


def step_phone_width(portal, screenshot=None):
    """At 360 px the page has no horizontal scrolling, and the suggestions appear right below the description,
    before the attachments, consent and submit button (someone typing on a phone sees them); saves the screenshot."""
    portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
    try:
        portal.open()
        portal.type_draft()
        widths = portal.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
        check(widths[0] <= widths[1], f"horizontal scrolling at 360 px: content {widths[0]} px, viewport {widths[1]} px")
        tops = portal.driver.execute_script(
            "const box = (id) => document.getElementById(id).getBoundingClientRect();"
            "return {description: box('description').bottom, suggestions: box('suggestions').top,"
            " attachments: box('attachments').top, consent: box('consent').top, submit: box('ticket-submit').top};")
        check(tops["description"] <= tops["suggestions"] < tops["attachments"] < tops["consent"] < tops["submit"],
              f"at 360 px the suggestions are not between the description and the attachments: {tops}")
        if screenshot:
            portal.driver.execute_script("document.querySelector('label[for=\"subject\"]').scrollIntoView();")
            portal.driver.save_screenshot(screenshot)
    finally:
        portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# MARK: The portal's own texts in the visitor's language (portal-texts.js)

LANGUAGES = ["de", "en", "fr", "es"]


class TextIds(HTMLParser):
    """index.html's `data-text` ids with the German text they hold (whitespace collapsed), and the ids of
    `data-text-placeholder` and `data-text-label` with their attribute's German value."""

    def __init__(self):
        super().__init__()
        self.texts, self.attributes, self.open = {}, {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, attribute in [("data-text-placeholder", "placeholder"), ("data-text-label", "aria-label")]:
            if name in attrs:
                self.attributes[attrs[name]] = attrs.get(attribute)
        if tag not in ("input", "meta", "link", "br"):
            self.open.append([attrs.get("data-text"), ""])

    def handle_endtag(self, tag):
        if tag in ("input", "meta", "link", "br") or not self.open:
            return
        text_id, text = self.open.pop()
        if self.open:
            self.open[-1][1] += text
        if text_id:
            self.texts.setdefault(text_id, []).append(" ".join(text.split()))

    def handle_data(self, data):
        if self.open:
            self.open[-1][1] += data


def placeholders(template):
    return set(re.findall(r"\{(\w+)\}", template))


def step_every_text_in_every_language(portal):
    """No text id can show raw: every id the page and its script use exists in German, English, French and Spanish
    with the same placeholders, and index.html's German (the page without script) is the dictionary's German."""
    texts = portal.driver.execute_script("return window.lotsePortalTexts;")
    check(sorted(texts) == sorted(LANGUAGES), f"portal-texts.js has the languages {sorted(texts)}")
    for language in LANGUAGES:
        missing, extra = set(texts["de"]) - set(texts[language]), set(texts[language]) - set(texts["de"])
        check(not missing and not extra, f"{language}: missing {sorted(missing)}, not in German {sorted(extra)}")
        for text_id, template in texts[language].items():
            check(template.strip() and placeholders(template) == placeholders(texts["de"][text_id]),
                  f"{language} {text_id!r}: {template!r} has other placeholders than the German {texts['de'][text_id]!r}")
    _, _, page = portal.server.get("/")
    ids = TextIds()
    ids.feed(page)
    check(len(ids.texts) > 40, f"index.html marks only {len(ids.texts)} texts")
    for text_id, shown in ids.texts.items():
        check(text_id in texts["de"], f"index.html uses the unknown text id {text_id!r}")
        check(all(text == texts["de"][text_id] for text in shown),
              f"index.html reads {shown!r} for {text_id!r}, the dictionary {texts['de'][text_id]!r}")
    for text_id, value in ids.attributes.items():
        check(texts["de"].get(text_id) == value, f"index.html's attribute for {text_id!r} is {value!r}")
    _, _, script = portal.server.get("/portal/portal.js")
    used = set(re.findall(r"'([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)'", script))
    check(len(used) > 20, f"portal.js names only {len(used)} text ids: {sorted(used)}")
    for text_id in used:
        check(text_id in texts["de"] or {f"{text_id}.one", f"{text_id}.other"} <= set(texts["de"]),
              f"portal.js uses the text id {text_id!r}, which the dictionary lacks")


def set_browser_language(portal, accept_language):
    """navigator.languages (and Accept-Language) as an English, French, … visitor's browser sends them."""
    user_agent = portal.driver.execute_script("return navigator.userAgent;")
    portal.driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": user_agent, "acceptLanguage": accept_language})


def portal_texts(portal):
    return portal.driver.execute_script(
        "const t = (id) => document.getElementById(id).textContent.trim();"
        "return {lang: document.documentElement.lang, title: document.title, heading: t('suche-titel'),"
        " submit: t('ticket-submit'), placeholder: document.getElementById('search-input').placeholder,"
        " summary: t('form-summary'), language: document.getElementById('article-language').value};")


def step_english_visitor(portal, screenshot=None):
    """An English browser gets the portal in English (heading, button, placeholder, the form's validation
    summary, lang=en); German chosen in the header switches every text back at once, "all languages" follows the
    browser again. Saves the form at phone width in English."""
    set_browser_language(portal, "en-US,en")
    try:
        portal.open()
        shown = portal_texts(portal)
        check(shown["language"] == "en", f"an English browser gets {shown['language']!r} articles")
        expected = {"lang": "en", "title": "Help Center", "heading": "How can we help?", "submit": "Send request",
                    "placeholder": "e.g. forgot password"}
        check({key: shown[key] for key in expected} == expected, f"an English browser sees {shown}")
        portal.type_slowly("email", "jana(at)example")
        portal.element("ticket-submit").click()
        portal.wait_until(lambda: portal.visible("form-summary"), "no error summary after submitting an invalid ticket")
        check(portal_texts(portal)["summary"].startswith("Please check the marked entries."),
              f"the summary reads {portal_texts(portal)['summary']!r}")
        check(field_error(portal, "email") == "Please enter a valid email address.",
              f"the email error reads {portal.element('email-error').text!r}")
        Select(portal.element("article-language")).select_by_value("de")
        shown = portal_texts(portal)
        expected = {"lang": "de", "title": "Hilfe-Center", "heading": "Wie können wir helfen?", "submit": "Anfrage senden",
                    "placeholder": "z. B. Passwort vergessen"}
        check({key: shown[key] for key in expected} == expected, f"after choosing German the page shows {shown}")
        check(shown["summary"].startswith("Bitte prüfen Sie die markierten Angaben."), f"the summary reads {shown['summary']!r}")
        Select(portal.element("article-language")).select_by_value("")
        check(portal_texts(portal)["heading"] == "How can we help?", "with every language chosen the page is not in the browser's English")
        if screenshot:
            portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                          {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
            try:
                portal.open()
                portal.type_slowly("subject", "Forgot my password")
                portal.type_slowly("description", "Hello, I can no longer log in to my account. The reset link has expired.")
                portal.wait_until(lambda: portal.result_ids("suggestion-list"), "no suggestions for the English draft")
                portal.wait_until_settled("suggestion-list")
                portal.driver.execute_script("document.querySelector('label[for=\"subject\"]').scrollIntoView();")
                portal.driver.save_screenshot(screenshot)
            finally:
                portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    finally:
        set_browser_language(portal, "de-DE,de")


# MARK: Help-center pages (/hilfe/…), served by the server, without and with JavaScript

ARTICLE_URL = "/hilfe/konto-anmeldung/passwort-zuruecksetzen"
ARTICLE_TITLE = "Passwort zurücksetzen"


def without_javascript(portal):
    """Script execution off for the tab (what a browser with JavaScript disabled does), until switched back on."""
    portal.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})


def with_javascript(portal):
    portal.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def related_links(portal):
    return [link.get_attribute("href") for link in portal.driver.find_elements(By.CSS_SELECTOR, ".related a")]


def step_help_pages_without_javascript(portal):
    """Without JavaScript: the start page's search (a GET form) leads to the article's page, which has its
    breadcrumb, related articles and the vote (a form POST, recorded, answered on the reloaded page); "Anfrage
    stellen" opens the portal's form with the article's title as its subject."""
    without_javascript(portal)
    try:
        portal.driver.get(portal.server.base + "/hilfe")
        check(portal.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de", "the start page has no lang")
        categories = [link.text for link in portal.driver.find_elements(By.CSS_SELECTOR, ".categories a")]
        check(any(text.startswith("Konto & Anmeldung") for text in categories), f"start page categories: {categories}")
        field = portal.driver.find_element(By.ID, "help-search")
        field.send_keys("Passwort vergessen")
        field.submit()
        portal.wait_until(lambda: "/hilfe?q=" in portal.driver.current_url, "the search form did not load the results page")
        portal.driver.find_element(By.CSS_SELECTOR, f'.results a[href="{ARTICLE_URL}"]').click()
        portal.wait_until(lambda: portal.driver.current_url == portal.server.base + ARTICLE_URL, "the result did not open the article page")
        check(portal.driver.find_element(By.TAG_NAME, "h1").text == ARTICLE_TITLE, "the article page has another title")
        trail = [item.text for item in portal.driver.find_elements(By.CSS_SELECTOR, ".breadcrumb li")]
        check(trail == ["Hilfe-Center", "Konto & Anmeldung", ARTICLE_TITLE], f"breadcrumb: {trail}")
        canonical = portal.driver.find_element(By.CSS_SELECTOR, 'link[rel="canonical"]').get_attribute("href")
        check(canonical.endswith(ARTICLE_URL), f"canonical link: {canonical}")
        check("Aktualisiert am" in portal.driver.find_element(By.CSS_SELECTOR, ".updated").text, "no updated date")
        links = related_links(portal)
        check(3 <= len(links) <= 5 and all("/hilfe/" in link for link in links), f"related articles: {links}")
        before = votes(portal, "passwort-zuruecksetzen").get("notHelpful", 0)
        portal.driver.find_element(By.CSS_SELECTOR, 'form.vote button[value="nein"]').click()
        portal.wait_until(lambda: "danke=nein" in portal.driver.current_url, "the vote did not reload the page")
        check("Wir helfen Ihnen gern persönlich weiter." in portal.element("bewertung").text, "no thanks after the vote")
        check(votes(portal, "passwort-zuruecksetzen").get("notHelpful") == before + 1, "the vote was not recorded")
        related = related_links(portal)[0]
        portal.driver.get(related)
        check(portal.driver.find_element(By.CSS_SELECTOR, ".breadcrumb [aria-current]").text,
              f"the related article {related} has no breadcrumb")
        portal.driver.back()
        with_javascript(portal)
        portal.element("article-ask").click()
        portal.wait_until(lambda: portal.driver.execute_script("return document.readyState") == "complete"
                          and portal.element("subject").get_attribute("value") == ARTICLE_TITLE,
                          "'Anfrage stellen' did not open the form with the article's title as subject")
        portal.wait_until(lambda: portal.active_id() == "description",
                          f"arriving from the article, the focus is on {portal.active_id()!r}, not the description")
        portal.wait_for_result("suggestion-list", "passwort-zuruecksetzen")
    finally:
        with_javascript(portal)


def step_portal_without_javascript(portal):
    """Without JavaScript the portal's search leads to the help pages' results, and its ticket form is posted (never
    sent as a GET, which would put the e-mail address and the text into the address bar) and stored. An incomplete
    form answers with a page that lists the problems (not JSON), and going back finds the text still in the form; a
    complete one ends on the confirmation page with the ticket's number. The operator's required field, the
    topics and the privacy link are in the form without script too."""
    without_javascript(portal)
    try:
        portal.driver.get(portal.server.base + "/")
        field = portal.element("search-input")
        field.send_keys("Passwort vergessen")
        field.submit()
        portal.wait_until(lambda: "/hilfe?q=" in portal.driver.current_url, f"the search went to {portal.driver.current_url}")
        check(portal.driver.find_elements(By.CSS_SELECTOR, f'.results a[href="{ARTICLE_URL}"]'), "the results page lacks the article")
        portal.driver.get(portal.server.base + "/")
        check(portal.visible("custom-serverName"), "no required custom field without JavaScript")
        topics = Select(portal.element("category")).options
        check(portal.visible("category") and len(topics) > 1, f"no topics to choose without JavaScript: {len(topics)}")
        check(portal.visible("consent-hint") and portal.element("privacy-link").get_attribute("href") == PRIVACY_URL,
              "no privacy policy link beside the consent without JavaScript")
        check(portal.driver.find_elements(By.CSS_SELECTOR, '#category-list a[href="/hilfe/konto-anmeldung"]'),
              "no category links without JavaScript")
        check(not portal.visible("language-switch") and not portal.visible("suggestions"),
              "the language switch or the live suggestions are offered without JavaScript")
        portal.driver.get(portal.server.base + "/?betreff=Passwort%20zur%C3%BCcksetzen#anfrage")
        check(portal.element("subject").get_attribute("value") == "Passwort zurücksetzen",
              "'Anfrage stellen' without JavaScript left the subject empty")
        portal.driver.get(portal.server.base + "/")
        subject = "Ohne Skript gesendet"
        description = "Mein Browser führt kein JavaScript aus."
        for field_id, text in [("email", "ohne.skript@example.de"), ("subject", subject), ("description", description)]:
            portal.element(field_id).send_keys(text)
        portal.element("ticket-submit").click()
        portal.wait_until(lambda: portal.driver.find_elements(By.ID, "ticket-problems"), "no problems page for an incomplete form")
        problems = [item.text for item in portal.driver.find_elements(By.CSS_SELECTOR, ".problems li")]
        check(len(problems) == 3 and any("Name" in problem for problem in problems)
              and any("Servername" in problem for problem in problems), f"problems listed: {problems}")
        check("{" not in portal.driver.find_element(By.TAG_NAME, "main").text, "the problems page shows JSON")
        check(portal.driver.find_elements(By.XPATH, "//main//a[@href='/#anfrage' and .='Zum Anfrageformular']"),
              "the problems page has no link to the form")
        portal.driver.back()
        portal.wait_until(lambda: portal.element("subject").get_attribute("value") == subject,
                          "going back lost the subject")
        check(portal.element("description").get_attribute("value") == description, "going back lost the description")
        portal.element("name").send_keys("Ohne Skript")
        portal.element("custom-serverName").send_keys("de-01-srv-1234")
        if not portal.element("consent").is_selected():
            portal.element("consent").click()
        portal.element("ticket-submit").click()
        portal.wait_until(lambda: "/anfrage/eingegangen" in portal.driver.current_url, "the stored ticket did not lead to the confirmation")
        check("example.de" not in portal.driver.current_url and "ohne.skript" not in portal.driver.current_url,
              f"the form put the customer's data into the address: {portal.driver.current_url}")
        heading = portal.driver.find_element(By.TAG_NAME, "h1").text
        check(heading == "Vielen Dank, Ihre Anfrage ist eingegangen.", f"confirmation heading: {heading}")
        status, _, listing = portal.server.get("/api/v1/admin/tickets?status=open", admin=True)
        stored = [ticket for ticket in listing.get("tickets", []) if ticket.get("subject") == subject]
        check(status == 200 and len(stored) == 1, "the ticket sent without JavaScript was not stored once")
        check(stored[0]["id"] in portal.driver.find_element(By.TAG_NAME, "main").text, "the confirmation lacks the ticket's number")
        check(stored[0].get("customFields") == {"serverName": "de-01-srv-1234"}, f"custom fields stored: {stored[0].get('customFields')}")
    finally:
        with_javascript(portal)


def step_problem_pages_link_back(portal):
    """Without JavaScript, in an English browser: the page listing what was wrong with a posted ticket links to the
    form (in English) and the link opens it; the help pages' error page links to the help center's start page."""
    without_javascript(portal)
    set_browser_language(portal, "en-US,en")
    try:
        portal.driver.get(portal.server.base + "/")
        portal.element("ticket-submit").click()
        portal.wait_until(lambda: portal.driver.find_elements(By.ID, "ticket-problems"), "no problems page for an empty form")
        check(portal.driver.find_element(By.TAG_NAME, "h1").text == "Your request has not been sent yet",
              f"the problems page is not in English: {portal.driver.find_element(By.TAG_NAME, 'h1').text!r}")
        links = portal.driver.find_elements(By.CSS_SELECTOR, 'main .ask a[href="/#anfrage"]')
        check([link.text for link in links] == ["To the request form"], f"links to the form: {[link.text for link in links]}")
        links[0].click()
        portal.wait_until(lambda: portal.driver.current_url == portal.server.base + "/#anfrage"
                          and portal.driver.find_elements(By.ID, "ticket-form"), f"the link led to {portal.driver.current_url}")
        portal.driver.get(portal.server.base + "/hilfe?q=" + "a" * 2001)
        portal.wait_until(lambda: portal.driver.find_elements(By.ID, "fehler"), "no error page for a query too long")
        home = portal.driver.find_elements(By.XPATH, "//main//a[@href='/hilfe' and .='Go to the Help Center home page']")
        check(home, "the error page has no link to the help center")
        home[0].click()
        portal.wait_until(lambda: portal.driver.current_url == portal.server.base + "/hilfe"
                          and portal.driver.find_elements(By.ID, "help-search"), f"the link led to {portal.driver.current_url}")
    finally:
        set_browser_language(portal, "de-DE,de")
        with_javascript(portal)


def step_help_page_with_javascript(portal, screenshot):
    """With JavaScript the vote is answered in place (no reload) and recorded; saves the page as the screenshot."""
    if screenshot:
        # A short article, whole: breadcrumb, date, text, the vote, related articles and the way to a ticket.
        portal.driver.get(portal.server.base + "/hilfe/konto-anmeldung/kundennummer-finden")
        height = portal.driver.execute_script("return document.documentElement.scrollHeight")
        portal.driver.set_window_size(1280, min(height + 40, 2400))
        portal.driver.save_screenshot(screenshot)
    portal.driver.get(portal.server.base + ARTICLE_URL)
    check(portal.csp_violations() == [], f"Content-Security-Policy violations: {portal.csp_violations()}")
    before = votes(portal, "passwort-zuruecksetzen").get("helpful", 0)
    portal.driver.find_element(By.CSS_SELECTOR, 'form.vote button[value="ja"]').click()
    portal.wait_until(lambda: "Danke für Ihre Rückmeldung" in portal.element("vote-status").text, "no thanks after 'Ja'")
    check(portal.driver.current_url == portal.server.base + ARTICLE_URL, f"the vote left the page: {portal.driver.current_url}")
    portal.wait_until(lambda: votes(portal, "passwort-zuruecksetzen").get("helpful") == before + 1, "the 'Ja' was not recorded")


def step_portal_links_pages_and_back_button(portal):
    """Results and suggestions link to the article pages; opened here they get the page's address, and the
    browser's Back button closes them again (Forward reopens), with the draft kept."""
    portal.type_slowly("search-input", "Kundennummer")
    result = portal.wait_for_result("search-results", "kundennummer-finden")
    check(result.tag_name == "a" and result.get_attribute("href") == portal.server.base + "/hilfe/konto-anmeldung/kundennummer-finden",
          f"the result links to {result.get_attribute('href')!r}")
    result.click()
    portal.wait_until(lambda: portal.visible("article-view"), "the article did not open")
    check(portal.driver.current_url.endswith("/hilfe/konto-anmeldung/kundennummer-finden"), f"address: {portal.driver.current_url}")
    portal.driver.back()
    portal.wait_until(lambda: not portal.visible("article-view"), "Back did not close the article")
    check(portal.driver.current_url == portal.server.base + "/", f"after Back the address is {portal.driver.current_url}")
    portal.driver.forward()
    portal.wait_until(lambda: portal.visible("article-view") and portal.element("article-title").text == "Kundennummer finden",
                      "Forward did not reopen the article")
    portal.element("article-close").click()
    portal.wait_until(lambda: portal.driver.current_url == portal.server.base + "/", "closing the article kept its address")
    portal.type_draft().click()
    portal.wait_until(lambda: portal.visible("solution-view"), "the suggestion did not open")
    check(portal.driver.current_url.endswith("/" + EXPECTED_ARTICLE), f"the suggestion's address: {portal.driver.current_url}")
    portal.driver.back()
    portal.wait_until(lambda: portal.visible("ticket-form"), "Back did not return to the form")
    check(portal.element("description").get_attribute("value") == DRAFT_DESCRIPTION, "Back lost the draft")


# The words of table cells that wrap inside themselves ("Setti|ng"): a word's range spans more than one line box.
# Hyphens and dashes are word ends here: a line may break after "Domain-" or "01.09.2026–".
SPLIT_CELL_WORDS = """
const split = [];
for (const cell of document.querySelectorAll(arguments[0])) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[^\\s\\-\u2010\u2013\u2014]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (tops.size > 1) split.push(match[0]);
    }
  }
}
return split;
"""


# Shown controls and links (outside running text: article bodies, hints; and `arguments[0]`) less than 44 px high
# or wide; a checkbox counts with its label, which toggles it.
SMALL_TAP_TARGETS = """
const small = [];
for (const element of document.querySelectorAll('a[href], button, input, select, textarea')) {
  if (element.closest('.article-body, .hint' + (arguments[0] ? ', ' + arguments[0] : ''))) continue;
  let box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= 0) continue;  // hidden, or the skip link until it is focused
  if (element.type === 'checkbox' && element.labels.length) box = element.labels[0].getBoundingClientRect();
  if (box.height < 44 || box.width < 44) {
    small.push(`${element.tagName.toLowerCase()}#${element.id} "${element.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
  }
}
return small;
"""

# The focused element's outline: [what, style, width in px, contrast with the background around it (WCAG ratio)].
FOCUS_RING = """
const channels = (color) => color.match(/[\\d.]+/g).map(Number);
const luminance = (color) => {
  const [r, g, b] = channels(color).map((value) => {
    value /= 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const element = document.activeElement;
let around = 'rgb(255, 255, 255)';
for (let parent = element.parentElement; parent; parent = parent.parentElement) {
  const color = getComputedStyle(parent).backgroundColor;
  if ((channels(color)[3] ?? 1) > 0) { around = color; break; }
}
const style = getComputedStyle(element);
const [a, b] = [luminance(style.outlineColor), luminance(around)];
return [`${element.tagName.toLowerCase()}#${element.id} "${element.textContent.trim().slice(0, 30)}"`, style.outlineStyle,
        parseFloat(style.outlineWidth), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
"""


def check_focus_rings(driver, tabs):
    """Tab through the first `tabs` stops of the page (fewer if it has fewer): each shows a solid ring of 2 px or
    more, 3:1 against its surroundings."""
    driver.execute_script("document.activeElement.blur();")
    seen = []
    for _ in range(tabs):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.execute_script("return document.activeElement === document.body;"):
            break  # past the last stop
        what, style, width, contrast = driver.execute_script(FOCUS_RING)
        check(style != "none" and width >= 2 and contrast >= 3,
              f"{driver.current_url}: focus on {what} shows a {style} {width} px ring of contrast {contrast:.2f}")
        seen.append(what)
    return seen


def step_tap_targets_and_focus_rings(portal):
    """At 360 px every control and free-standing link of the portal (with suggestions shown) and of the help pages is
    at least 44 px high and wide; with the keyboard every focused element shows a ring of at least 3:1 contrast."""
    portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        portal.open()
        portal.type_draft()
        small = portal.driver.execute_script(SMALL_TAP_TARGETS, None)
        check(not small, f"/: tap targets under 44 px at 360 px: {small}")
        for path in ["/hilfe", "/hilfe?q=Quxzyklöppelei", "/hilfe/konto-anmeldung", ARTICLE_URL, "/hilfe/gibt-es-nicht"]:
            portal.driver.get(portal.server.base + path)
            small = portal.driver.execute_script(SMALL_TAP_TARGETS, None)
            check(not small, f"{path}: tap targets under 44 px at 360 px: {small}")
    finally:
        portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    for path, tabs in [("/", 20), (ARTICLE_URL, 12)]:
        portal.driver.get(portal.server.base + path)
        seen = check_focus_rings(portal.driver, tabs)
        check(len(set(seen)) > tabs // 2, f"{path}: Tab visited only {sorted(set(seen))}")


def horizontal_scrolling(portal):
    """[content width, viewport width] when the page scrolls sideways, else None."""
    widths = portal.driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    return widths if widths[0] > widths[1] else None


def step_long_words_at_phone_width(portal):
    """At 360 px a title and a category longer than the screen (one German compound) break inside the word on every
    page that shows them, in the portal's results, suggestions and article view: nothing scrolls sideways."""
    portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
    try:
        for path in ["/hilfe", "/hilfe?q=" + urllib.parse.quote(LONG_TITLE), LONG_CATEGORY_PATH,
                     LONG_CATEGORY_PATH + "/lange-woerter"]:
            portal.driver.get(portal.server.base + path)
            check(LONG_TITLE in portal.driver.page_source or path == "/hilfe", f"{path} does not show the long title")
            check(not horizontal_scrolling(portal), f"{path}: horizontal scrolling at 360 px: {horizontal_scrolling(portal)}")
        portal.open()
        portal.type_slowly("search-input", "Donaudampfschifffahrtsgesellschaft")
        portal.wait_for_result("search-results", "lange-woerter")
        check(not horizontal_scrolling(portal), f"portal results: horizontal scrolling at 360 px: {horizontal_scrolling(portal)}")
        portal.type_slowly("subject", "Rechtsschutzversicherungsgesellschaftenvertragsbedingungen")
        portal.wait_for_result("suggestion-list", "lange-woerter")
        # The answer to a request sent mid-typing may show the article before the last one redraws the list.
        portal.wait_until_settled("suggestion-list")
        portal.wait_for_result("suggestion-list", "lange-woerter").click()
        portal.wait_until(lambda: portal.visible("solution-view"), "the suggestion did not open")
        check(not horizontal_scrolling(portal), f"portal article: horizontal scrolling at 360 px: {horizontal_scrolling(portal)}")
    finally:
        portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def step_help_page_at_phone_width(portal):
    """At 360 px a help page has no horizontal scrolling, and no article's table squeezes a word onto two lines
    (a table wider than the screen scrolls by itself)."""
    portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
    try:
        for path in [ARTICLE_URL, "/hilfe", "/hilfe/konto-anmeldung"]:
            portal.driver.get(portal.server.base + path)
            widths = portal.driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
            check(widths[0] <= widths[1], f"{path}: horizontal scrolling at 360 px: content {widths[0]} px, viewport {widths[1]} px")
        sitemap = urllib.request.urlopen(portal.server.base + "/sitemap.xml", timeout=10).read().decode()
        tables = 0
        for url in re.findall(r"<loc>([^<]+)</loc>", sitemap):
            path = urllib.parse.urlsplit(url).path
            if path.count("/") < 3:
                continue
            portal.driver.get(portal.server.base + path)
            if not portal.driver.find_elements(By.CSS_SELECTOR, ".article-body table"):
                continue
            tables += 1
            split = portal.driver.execute_script(SPLIT_CELL_WORDS, ".article-body td, .article-body th")
            check(not split, f"{path}: table cells split words at 360 px: {split[:5]}")
            widths = portal.driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
            check(widths[0] <= widths[1], f"{path}: a table scrolls the page at 360 px: {widths[0]} px")
        check(tables >= 5, f"only {tables} article pages with a table were checked")
    finally:
        portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# The help pages' language switch: [its box, the label's vertical middle, the first choice's top and bottom].
LANGUAGE_SWITCH = """
const box = (element) => element.getBoundingClientRect();
const nav = document.querySelector('.site-header .language-switch'), label = box(nav.querySelector('span'));
const first = box(nav.querySelector('li a'));
return [[box(nav).left, box(nav).right, box(nav).height], (label.top + label.bottom) / 2, first.top, first.bottom];
"""


def step_language_switch_at_phone_width(portal):
    """At 390 and 360 px the help pages' language switch stays inside the screen (nothing scrolls sideways) and
    takes two rows of links at most, its label beside the first choice rather than on a line of its own."""
    for width in [390, 360]:
        portal.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                      {"width": width, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        try:
            for path in ["/hilfe", "/hilfe/konto-anmeldung", "/hilfe?q=Passwort"]:
                portal.driver.get(portal.server.base + path)
                (left, right, height), label, first_top, first_bottom = portal.driver.execute_script(LANGUAGE_SWITCH)
                check(not horizontal_scrolling(portal), f"{path}: horizontal scrolling at {width} px: {horizontal_scrolling(portal)}")
                check(left >= 0 and right <= width, f"{path}: the language switch spans {left:.0f}-{right:.0f} px at {width} px")
                check(height <= 2 * 44 + 4, f"{path}: the language switch is {height:.0f} px high at {width} px (more than two rows)")
                check(first_top <= label <= first_bottom, f"{path}: at {width} px the label is not beside the first language")
        finally:
            portal.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lotse", default=".build/debug/lotse")
    parser.add_argument("--articles", default="articles")
    parser.add_argument("--screenshot", default=".build/screenshots/portal.png")
    parser.add_argument("--port", type=int, default=0, help="port for lotse serve (default: a free one)")
    arguments = parser.parse_args()
    # SIGTERM (e.g. from make or CI) unwinds like Ctrl-C, so the server and the browser are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    attachment_directory = tempfile.mkdtemp(prefix="lotse-e2e-files-")
    attachment = os.path.join(attachment_directory, "fehlerprotokoll.txt")
    with open(attachment, "w", encoding="utf-8") as file:
        file.write("Anmeldung fehlgeschlagen: Passwort ungültig (Größe des Links überschritten)\n")

    def sibling_screenshot(name):
        """article.png and phone.png go beside the portal's screenshot."""
        if not arguments.screenshot:
            return None
        folder = os.path.dirname(os.path.abspath(arguments.screenshot))
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, name)

    steps = [
        ("page is served safely", step_page_is_served_safely),
        ("search, categories and article view", step_search_categories_and_article),
        ("article feedback", step_article_feedback),
        ("nothing found is logged once", step_nothing_found_is_logged_once),
        ("no result leads to the form", step_no_result_leads_to_the_form),
        ("suggestions while typing", lambda portal: step_suggestions_while_typing(portal, arguments.screenshot)),
        ("suggestions follow the article language", step_suggestions_follow_the_article_language),
        ("keyboard navigation of suggestions", step_keyboard_navigation),
        ("Escape closes an article", step_escape_closes_an_article),
        ("stale suggestions are discarded", step_stale_suggestions_are_discarded),
        ("markup in snippets is text", step_markup_in_snippets_is_text),
        ("deflection", step_deflection),
        ("invalid ticket", step_invalid_ticket),
        ("valid ticket", lambda portal: step_valid_ticket(portal, attachment)),
        ("failed submit keeps the draft, also across a reload", step_failed_submit_keeps_the_draft),
        ("failed suggestions say so", step_failed_suggestions_say_so),
        ("article content cannot shadow the form", step_article_content_cannot_shadow_the_form),
        ("phone width", lambda portal: step_phone_width(portal, sibling_screenshot("phone.png"))),
        ("operator links", step_operator_links),
        ("'Nein' leads to the form", step_not_helpful_leads_to_the_form),
        ("ticket-only topic", step_ticket_only_topic),
        ("article language", step_article_language),
        ("every portal text in every language", step_every_text_in_every_language),
        ("English visitor", lambda portal: step_english_visitor(portal, sibling_screenshot("phone-en.png"))),
        ("help pages without JavaScript", step_help_pages_without_javascript),
        ("help page with JavaScript", lambda portal: step_help_page_with_javascript(portal, sibling_screenshot("article.png"))),
        ("portal without JavaScript", step_portal_without_javascript),
        ("problem pages link back", step_problem_pages_link_back),
        ("portal links the pages; Back and Forward", step_portal_links_pages_and_back_button),
        ("help pages at phone width", step_help_page_at_phone_width),
        ("language switch at phone width", step_language_switch_at_phone_width),
        ("tap targets and focus rings", step_tap_targets_and_focus_rings),
        ("long German words at phone width", step_long_words_at_phone_width),
    ]
    passed, failed = 0, []
    try:
        with LotseServer(arguments.lotse, "--rate-limit", "0", "--response-time", RESPONSE_TIME, "--privacy-url", PRIVACY_URL,
                         "--imprint-url", IMPRINT_URL, "--ticket-fields", REQUIRED_FIELDS, articles=arguments.articles,
                         extra_articles=EXTRA_ARTICLES, port=arguments.port) as server:
            driver = start_browser()
            try:
                portal = Portal(driver, server)
                for name, step in steps:
                    try:
                        driver.set_window_size(1280, 1000)
                        portal.open()
                        step(portal)
                        passed += 1
                        print(f"ok    {name}", flush=True)
                    except StepFailed as failure:
                        failed.append(name)
                        print(f"FAIL  {name}: {failure}", flush=True)
                    except Exception:  # a broken page or driver: report it as this step's failure and go on
                        failed.append(name)
                        print(f"FAIL  {name}:\n{traceback.format_exc()}", flush=True)
            finally:
                driver.quit()
            if failed:
                print(f"server log (tail):\n{server.log_text()}")
    finally:
        shutil.rmtree(attachment_directory, ignore_errors=True)
    print(f"e2e: {passed} passed, {len(failed)} failed")
    if failed:
        print("failed steps: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
