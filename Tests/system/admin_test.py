#!/usr/bin/env python3
"""End-to-end test of the operator page /admin in real headless Chromium (Debian's chromium + chromium-driver, Selenium).

Starts `lotse serve` over a copy of articles/ with a throwaway index, ticket database and admin token, seeds known
activity through the public API (searches of four sessions, one deflection, votes, two tickets of which one came
after suggestions and carries an attachment), signs in through the form, reads every panel and checks its numbers
against the seed, changes a ticket's status and sees the activity, downloads the attachment (same bytes), checks the
queue and the chart's labels at 390 px and the page at 360 px, and signs out: afterwards neither /admin nor the JSON API accepts the old cookie. Saves the seeded
page as a screenshot (--screenshot; `make docs-screenshot` writes docs/admin.png).

Usage: admin_test.py [--lotse .build/debug/lotse] [--articles articles] [--screenshot .build/screenshots/admin.png]
"""
import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request
import uuid

from lotse_server import LotseServer
from portal_test import FAKE_ANSWERS, SMALL_TAP_TARGETS, SPLIT_CELL_WORDS, StepFailed, check, check_focus_rings
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 20
OPERATOR = "Anna Schmidt"
ARTICLE = "passwort-zuruecksetzen"
ATTACHMENT = "Anmeldung fehlgeschlagen: Passwort ungültig (Größe überschritten)\n".encode("utf-8")
# Four sessions are shown the article; two open it, one answers "gelöst", one submits a ticket after it, one votes.
# A question no article answers, asked twice: a topic of "Themen ohne Artikel".
GAP_QUERY = "Teleporter kalibrieren"
GAP_SESSIONS = ["admin-e2e-gap-1", "admin-e2e-gap-2"]
# The ticket submitted after suggestions (the first one), with the attachment.
TICKET = "LT-000001"
SHOWN_SESSIONS = ["admin-e2e-1", "admin-e2e-2", "admin-e2e-3", "admin-e2e-4"]


def start_browser(download_directory):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=de-DE", "--disable-extensions"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de",
                                              "download.default_directory": download_directory,
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_directory})
    return driver


def multipart(fields, files):
    boundary = "lotse-" + uuid.uuid4().hex
    body = b""
    for name, value in fields:
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode("utf-8")
    for name, filename, content_type, data in files:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                 f"Content-Type: {content_type}\r\n\r\n").encode("utf-8") + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def seed(server):
    """Known activity through the public API; returns the numbers each panel must show."""
    for session in SHOWN_SESSIONS:
        status, answer = server.request("POST", "/api/v1/suggest", {"subject": "Passwort vergessen",
                                                                    "description": "Ich komme nicht mehr in mein Kundenkonto.",
                                                                    "session": session})
        check(status == 200 and ARTICLE in [result["id"] for result in answer["results"]], f"suggest for {session}: {status} {answer}")
    # Two sessions open the article (as the portal does when a suggestion is clicked); the first marks it solved.
    for session in SHOWN_SESSIONS[:2]:
        status, answer = server.request("POST", f"/api/v1/articles/{ARTICLE}/views", {"session": session})
        check(status in (200, 201, 204), f"article view: {status} {answer}")
    status, answer = server.request("POST", "/api/v1/deflections", {"articleId": ARTICLE, "session": SHOWN_SESSIONS[0]})
    check(status == 201, f"deflection: {status} {answer}")
    for helpful in [True, True, False]:
        status, answer = server.request("POST", f"/api/v1/articles/{ARTICLE}/feedback", {"helpful": helpful, "session": SHOWN_SESSIONS[2]})
        check(status == 201, f"feedback: {status} {answer}")
    # A query nobody could answer, twice: the gaps panel's topic.
    for session in GAP_SESSIONS:
        status, answer = server.request("GET", f"/api/v1/search?q={urllib.parse.quote(GAP_QUERY)}&session={session}")
        check(status == 200 and not answer["results"], f"zero-result search: {status} {answer}")
        # A query that found nothing is held while its session may still be typing it: moving on writes it.
        status, _ = server.request("GET", f"/api/v1/search?q=Rechnung&session={session}")
        check(status == 200, f"follow-up search: {status}")
    # The query log is written in batches; the statistics endpoint flushes this instance's queue, so the ticket
    # below finds the articles shown to its session.
    status, _, _ = server.get("/api/v1/admin/stats", admin=True)
    check(status == 200, f"stats: {status}")
    body, headers = multipart([("email", "jana.schroeder@example.de"), ("name", "Jana Schröder"), ("subject", "Passwort-Link abgelaufen"),
                               ("description", "Der Link zum Zurücksetzen ist abgelaufen."), ("consent", "on"),
                               ("session", SHOWN_SESSIONS[1]), ("customFields[serverName]", "de-01-srv-1234")],
                              [("attachments", "protokoll.txt", "text/plain", ATTACHMENT)])
    status, answer = server.request("POST", "/api/v1/tickets", body, headers)
    check(status == 201 and answer.get("id") == TICKET, f"ticket after suggestions: {status} {answer}")
    status, _, ticket = server.get(f"/api/v1/admin/tickets/{TICKET}", admin=True)
    check(status == 200 and ARTICLE in ticket["suggestedArticles"], f"the ticket lacks the shown article: {status} {ticket}")
    status, answer = server.request("POST", "/api/v1/tickets", {"email": "max@example.de", "name": "Max Muster", "consent": True,
                                                                "subject": "Dringend: Server down", "description": "Nichts geht.",
                                                                "urgent": True})
    check(status == 201, f"urgent ticket: {status} {answer}")
    # The gap sessions were shown results by their follow-up search: they count as shown too.
    return {"shown": len(SHOWN_SESSIONS) + len(GAP_SESSIONS), "suggested": len(SHOWN_SESSIONS), "opened": 2, "solved": 1,
            "ticketsAfterSuggestions": 1}


class AdminPage:
    def __init__(self, driver, server):
        self.driver = driver
        self.server = server

    def open(self):
        self.driver.get(self.server.base + "/admin")

    def wait_until(self, condition, message, seconds=WAIT_SECONDS):
        try:
            WebDriverWait(self.driver, seconds, poll_frequency=0.1).until(lambda _: condition())
        except Exception:
            raise StepFailed(message)

    def element(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def exists(self, element_id):
        return bool(self.driver.find_elements(By.ID, element_id))

    def settled_read(self, read, what):
        """`read()`, again while the page replaces the elements it holds (a panel re-rendering its table)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                return read()
            except StaleElementReferenceException:
                if time.monotonic() > deadline:
                    raise StepFailed(f"{what} kept being replaced for {WAIT_SECONDS} s") from None
                time.sleep(0.1)

    def table(self, table_id):
        """The table's body rows as lists of cell texts."""
        def read():
            rows = self.driver.find_elements(By.CSS_SELECTOR, f"#{table_id} tbody tr")
            return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in rows]
        return self.settled_read(read, f"#{table_id}")

    def headers(self, table_id):
        return self.settled_read(
            lambda: [cell.text for cell in self.driver.find_elements(By.CSS_SELECTOR, f"#{table_id} thead th")], f"#{table_id}")

    def cookie(self):
        cookie = self.driver.get_cookie("lotse_admin")
        return cookie and cookie["value"]

    def sign_in(self, token=None, name=OPERATOR):
        self.open()
        self.element("token").send_keys(token or self.server.token)
        self.element("name").send_keys(name)
        self.driver.find_element(By.CSS_SELECTOR, "form.sign-in button").click()

    def csp_violations(self):
        return [entry["message"] for entry in self.driver.get_log("browser") if "Content Security Policy" in entry["message"]]


def number(text):
    return int(text.replace(".", "").strip())


def step_sign_in(page):
    """A wrong token is refused on the form, which keeps the name; the right one signs in with an HttpOnly,
    SameSite=Strict cookie."""
    page.sign_in(token="falsch-" + page.server.token)
    page.wait_until(lambda: "stimmt nicht" in page.driver.page_source, "a wrong token was not refused")
    check(page.cookie() is None, "a wrong token set a cookie")
    # Where to fix it: the token field has the focus, is marked invalid and is described by the message.
    token = page.element("token")
    check(page.driver.switch_to.active_element == token, "after a wrong token the token field is not focused")
    check(token.get_attribute("aria-invalid") == "true" and token.get_attribute("aria-describedby") == "sign-in-error",
          "the token field does not point at the message")
    check("Groß- und Kleinschreibung" in page.element("sign-in-error").text, f"message: {page.element('sign-in-error').text!r}")
    check_focus_rings(page.driver, 3)
    # What the operator typed is still there, except the token: typing the right one signs in.
    name, token = page.element("name").get_attribute("value"), page.element("token").get_attribute("value")
    check(name == OPERATOR and token == "", f"after a wrong token the form holds name {name!r} and token {token!r}")
    page.element("token").send_keys(page.server.token)
    page.driver.find_element(By.CSS_SELECTOR, "form.sign-in button").click()
    page.wait_until(lambda: page.exists("actor"), "the dashboard did not open after sign-in")
    check(page.element("actor").text == OPERATOR, f"signed in as {page.element('actor').text!r}")
    cookie = page.driver.get_cookie("lotse_admin")
    check(cookie and cookie["httpOnly"] and cookie.get("sameSite") == "Strict" and cookie["path"] == "/", f"cookie: {cookie}")
    check(page.driver.execute_script("return document.cookie").find("lotse_admin") < 0, "the cookie is readable by script")


def step_deflection_panel(page, expected):
    page.wait_until(lambda: page.table("deflection-table"), "no deflection table")
    headers = page.headers("deflection-table")
    totals = dict(zip(headers, page.table("deflection-table")[-1]))
    check(number(totals["Vorschläge gesehen"]) == expected["shown"], f"shown: {totals}")
    check(number(totals["Artikel geöffnet"]) == expected["opened"], f"opened: {totals}")
    check(totals["Deflection-Rate"] == "16,7 %", f"rate 1 of 6: {totals}")
    check(number(totals["„Gelöst“ geklickt"]) == expected["solved"], f"solved: {totals}")
    check(number(totals["Tickets nach Vorschlägen"]) == expected["ticketsAfterSuggestions"], f"tickets: {totals}")
    check(page.element("deflection-definition").text.strip() != "Deflection-Rate:", "no definition beside the chart")
    check(page.driver.find_elements(By.CSS_SELECTOR, "#deflection-chart svg path.stage-shown"), "no chart line for 'shown'")
    # 7 days by day: seven rows plus the sum; by week a smaller table.
    Select(page.element("deflection-days")).select_by_value("7")
    page.wait_until(lambda: len(page.table("deflection-table")) == 8, f"7 days: {len(page.table('deflection-table'))} rows")
    Select(page.element("deflection-bucket")).select_by_value("week")
    page.wait_until(lambda: len(page.table("deflection-table")) < 8, "week buckets did not replace days")
    totals = dict(zip(page.headers("deflection-table"), page.table("deflection-table")[-1]))
    check(number(totals["Vorschläge gesehen"]) == expected["shown"], f"weekly shown: {totals}")
    link = page.driver.find_element(By.CSS_SELECTOR, "#deflection-content a.csv").get_attribute("href")
    check("format=csv" in link and "days=7" in link and "bucket=week" in link, f"CSV link {link}")
    download_status, download_type = fetch_with_cookie(page, link)
    check(download_status == 200 and download_type.startswith("text/csv"), f"CSV download: {download_status} {download_type}")


def step_articles_panel(page, expected):
    page.wait_until(lambda: page.table("articles-table"), "no articles table")
    rows = {row[0]: row for row in page.table("articles-table")}
    headers = page.headers("articles-table")
    row = dict(zip(headers, rows.get("Passwort zurücksetzen", [])))
    check(row, f"'Passwort zurücksetzen' missing: {list(rows)}")
    check(number(row["Vorgeschlagen"]) == expected["suggested"], f"suggested: {row}")
    check(number(row["Geöffnet"]) == expected["opened"], f"opened: {row}")
    check(number(row["Gelöst"]) == expected["solved"], f"solved: {row}")
    check(number(row["Hilfreich"]) == 2 and number(row["Nicht hilfreich"]) == 1, f"votes: {row}")
    check("25 %" in row["Lösungsquote (95-%-Intervall)"], f"solve rate 1 of 4: {row}")
    never = page.driver.find_elements(By.CSS_SELECTOR, "#never-suggested li")
    check(never and "Passwort zurücksetzen" not in [item.text for item in never], "never-suggested list")


def step_gaps_panel(page, expected):
    page.wait_until(lambda: page.exists("gaps-list"), "no gap topics")
    topics = page.driver.find_elements(By.CSS_SELECTOR, "#gaps-list > li")
    texts = [topic.text for topic in topics]
    check(any("teleporter" in text.lower() for text in texts), f"topics: {texts}")
    check(any("2 Anfragen" in text for text in texts), f"the topic has 2 queries: {texts}")


def step_ticket_queue(page, expected):
    """Urgent first; the detail shows the fields, the article shown before, the attachment; a status change is recorded."""
    page.wait_until(lambda: len(page.table("tickets-table")) == 2, "the queue does not list both tickets")
    subjects = [row[1] for row in page.table("tickets-table")]
    check(subjects == ["Dringend: Server down", "Passwort-Link abgelaufen"], f"queue order {subjects}")
    page.driver.find_element(By.CSS_SELECTOR, f"#tickets-table tr[data-id='{TICKET}']").click()
    page.wait_until(lambda: page.exists("ticket-shown"), "no ticket detail with the shown articles")
    # The opened ticket takes the focus, which brings it into view below the queue.
    focused = page.driver.execute_script("return document.activeElement.id")
    check(focused == f"ticket-{TICKET}", f"after opening the ticket the focus is on {focused!r}")
    detail = page.element("ticket-detail").text
    for expected_text in ["Jana Schröder", "jana.schroeder@example.de", "serverName", "de-01-srv-1234", "Verifiziert"]:
        check(expected_text in detail, f"{expected_text!r} missing from the detail")
    shown = page.driver.find_elements(By.CSS_SELECTOR, "#ticket-shown a")
    check(any(link.text == "Passwort zurücksetzen" and link.get_attribute("href").endswith("/passwort-zuruecksetzen") for link in shown),
          f"shown articles: {[(link.text, link.get_attribute('href')) for link in shown]}")
    check(page.exists("ticket-activity-empty"), "a new ticket already has activity")
    # A change the server refuses says why and does not claim the new status.
    page.driver.execute_script(FAKE_ANSWERS, f"/api/v1/admin/tickets/{TICKET}", 500)
    Select(page.element("ticket-new-status")).select_by_value("closed")
    page.element("ticket-save-status").click()
    page.wait_until(lambda: "error" in page.element("tickets-message").get_attribute("class"), "a refused change shows no error")
    message = page.element("tickets-message").text
    check(message == "Interner Fehler" and "ist jetzt" not in message, f"after a refused change the panel says {message!r}")
    status, _, ticket = page.server.get(f"/api/v1/admin/tickets/{TICKET}", admin=True)
    check(status == 200 and ticket["status"] == "open", f"stored status after a refused change: {status} {ticket.get('status')}")
    page.driver.execute_script("window.lotseFakeAnswer = null;")
    Select(page.element("ticket-new-status")).select_by_value("in_progress")
    page.element("ticket-save-status").click()
    page.wait_until(lambda: page.exists("ticket-activity"), "no activity after the status change")
    # The keyboard stays where it was, and the confirmation stands beside the button.
    focused = page.driver.execute_script("return document.activeElement.id")
    check(focused == "ticket-save-status", f"after the status change the focus is on {focused!r}")
    confirmation = page.element("ticket-status-message").text
    check(confirmation == f"Status von {TICKET} ist jetzt „In Bearbeitung“.", f"beside the button: {confirmation!r}")
    entries = [item.text for item in page.driver.find_elements(By.CSS_SELECTOR, "#ticket-activity li")]
    check(len(entries) == 1 and OPERATOR in entries[0] and "Offen → In Bearbeitung" in entries[0], f"activity {entries}")
    status, _, ticket = page.server.get(f"/api/v1/admin/tickets/{TICKET}", admin=True)
    check(status == 200 and ticket["status"] == "in_progress", f"stored status: {status} {ticket.get('status')}")
    link = page.driver.find_element(By.CSS_SELECTOR, "#tickets-content a.csv").get_attribute("href")
    download_status, download_type = fetch_with_cookie(page, link)
    check(download_status == 200 and download_type.startswith("text/csv"), f"queue CSV {link}: {download_status} {download_type}")
    Select(page.element("tickets-status")).select_by_value("in_progress")
    page.wait_until(lambda: [row[0] for row in page.table("tickets-table")] == [TICKET], "status filter")
    # An empty filter says so instead of showing an empty table.
    Select(page.element("tickets-status")).select_by_value("closed")
    page.wait_until(lambda: page.exists("tickets-empty"), "an empty status filter shows no note")
    check(page.element("tickets-empty").text == "Keine Tickets mit dem Status „Geschlossen“.", f"empty queue: {page.element('tickets-empty').text!r}")


def step_attachment_download(page, expected, download_directory):
    row = f"#tickets-table tr[data-id='{TICKET}']"
    page.wait_until(lambda: page.driver.find_elements(By.CSS_SELECTOR, row), "the queue did not load")
    page.driver.find_element(By.CSS_SELECTOR, f"#tickets-table tr[data-id='{TICKET}']").click()
    page.wait_until(lambda: page.exists("ticket-attachments"), "no attachment list")
    page.driver.find_element(By.CSS_SELECTOR, "#ticket-attachments a").click()
    target = os.path.join(download_directory, "protokoll.txt")
    page.wait_until(lambda: os.path.exists(target) and not os.path.exists(target + ".crdownload"), "the attachment was not downloaded")
    with open(target, "rb") as file:
        check(file.read() == ATTACHMENT, "the downloaded bytes differ from the upload")


def step_phone_width(page, expected, screenshot):
    if screenshot:
        page.driver.set_window_size(1280, 2400)
        time.sleep(0.5)
        page.driver.save_screenshot(screenshot)
    page.wait_until(lambda: page.table("articles-table") and page.table("deflection-table"), "the tables did not load")
    page.driver.set_window_size(360, 800)
    page.wait_until(lambda: page.driver.execute_script("return document.documentElement.scrollWidth") <= 360,
                    f"horizontal scroll at 360 px: {page.driver.execute_script('return document.documentElement.scrollWidth')}")
    check(not page.csp_violations(), f"CSP violations: {page.csp_violations()}")
    # A narrow table scrolls in its box instead of breaking dates and titles inside words ("07.11.2|026").
    split = page.driver.execute_script(SPLIT_CELL_WORDS, "table td, table th")
    check(not split, f"table cells split words at 360 px: {split[:5]}")
    # Controls and links outside tables (a ticket's whole row is its target) are 44 px on a phone.
    small = page.driver.execute_script(SMALL_TAP_TARGETS, "td")
    check(not small, f"tap targets under 44 px at 360 px: {small[:8]}")
    check_focus_rings(page.driver, 8)


# The ticket queue's layout: [cells not (wholly) inside the queue's box, ticket numbers on more than one line,
# the table's CSS display, cells of the first row that stand lower than its first cell].
QUEUE_LAYOUT = """
const table = document.getElementById('tickets-table');
const box = table.closest('.table-box').getBoundingClientRect();
const outside = [], split = [], rows = [...table.querySelectorAll('tbody tr')];
for (const row of rows) {
  for (const cell of row.querySelectorAll('td')) {
    const rect = cell.getBoundingClientRect();
    if (cell.textContent && (rect.width === 0 || rect.left < box.left - 0.5 || rect.right > box.right + 0.5)) {
      outside.push(`${cell.dataset.label}: ${cell.textContent}`);
    }
  }
  const number = row.querySelector('td a');
  if (new Set([...number.getClientRects()].map((rect) => Math.round(rect.top))).size !== 1) split.push(number.textContent);
}
const cells = [...rows[0].querySelectorAll('td')].map((cell) => Math.round(cell.getBoundingClientRect().top));
return [outside, split, getComputedStyle(table).display, cells.filter((top) => top !== cells[0]).length];
"""

# The deflection chart's labels: [text, the font size as shown in CSS pixels, whether it lies inside the chart].
CHART_LABELS = """
return [...document.querySelectorAll('#deflection-chart svg text')].map((label) => {
  const box = label.getBoundingClientRect(), chart = label.ownerSVGElement.getBoundingClientRect();
  return [label.textContent, parseFloat(getComputedStyle(label).fontSize) * label.getScreenCTM().a,
          box.left >= chart.left - 0.5 && box.right <= chart.right + 0.5];
});
"""


def step_queue_and_chart_on_a_phone(page, expected):
    """The chart's labels are at least 12 px as shown, inside the chart, on a desktop and at 390 px. The queue is a
    table on a desktop; at 390 px every ticket's values stand inside the queue's box (nothing hidden to the right)
    and a ticket's number stays on one line."""
    page.wait_until(lambda: len(page.table("tickets-table")) == 2, "the queue does not list both tickets")
    page.wait_until(lambda: page.driver.find_elements(By.CSS_SELECTOR, "#deflection-chart svg text"), "no chart labels")
    for width in [1280, 390]:
        page.driver.set_window_size(width, 844)
        labels = lambda: page.settled_read(lambda: page.driver.execute_script(CHART_LABELS), "the chart")
        try:
            page.wait_until(lambda: all(size >= 12 and inside for _, size, inside in labels()), "")
        except StepFailed:
            raise StepFailed(f"chart labels at {width} px (text, px, inside): {labels()}") from None
        check(len(labels()) >= 4, f"chart labels at {width} px: {labels()}")
        outside, split, display, lower = page.settled_read(lambda: page.driver.execute_script(QUEUE_LAYOUT), "the queue")
        check(not outside, f"queue values outside its box at {width} px: {outside}")
        check(not split, f"ticket numbers on two lines at {width} px: {split}")
        if width == 1280:
            check(display == "table" and lower == 0, f"on a desktop the queue is no table row: {display}, {lower} cells lower")
    scroll = page.driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check(scroll[0] <= scroll[1], f"horizontal scroll at 390 px: {scroll}")


def fetch_with_cookie(page, url, method="GET"):
    request = urllib.request.Request(url, method=method, headers={"Cookie": f"lotse_admin={page.old_cookie or page.cookie()}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", "")


def step_sign_out(page, expected):
    page.old_cookie = page.cookie()
    page.element("sign-out").click()
    page.wait_until(lambda: page.exists("token"), "sign-out did not return to the form")
    check(page.cookie() is None, "the cookie survived sign-out")
    status, _ = fetch_with_cookie(page, page.server.base + "/api/v1/admin/tickets")
    check(status == 401, f"the JSON API accepted the old cookie: {status}")
    request = urllib.request.Request(page.server.base + "/admin", headers={"Cookie": f"lotse_admin={page.old_cookie}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        check("lotse-csrf" not in response.read().decode(), "/admin still shows the dashboard for the old cookie")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lotse", default=".build/debug/lotse")
    parser.add_argument("--articles", default="articles")
    parser.add_argument("--screenshot", default=".build/screenshots/admin.png")
    arguments = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if arguments.screenshot:
        os.makedirs(os.path.dirname(os.path.abspath(arguments.screenshot)), exist_ok=True)
    downloads = tempfile.mkdtemp(prefix="lotse-admin-downloads-")
    passed, failed = 0, []
    try:
        with LotseServer(arguments.lotse, "--rate-limit", "0", "--ticket-fields", "config/ticket-fields.json",
                         articles=arguments.articles) as server:
            expected = seed(server)
            driver = start_browser(downloads)
            try:
                page = AdminPage(driver, server)
                page.old_cookie = None
                steps = [
                    ("sign-in", lambda: step_sign_in(page)),
                    ("deflection panel", lambda: step_deflection_panel(page, expected)),
                    ("articles panel", lambda: step_articles_panel(page, expected)),
                    ("gaps panel", lambda: step_gaps_panel(page, expected)),
                    ("ticket queue, detail and status change", lambda: step_ticket_queue(page, expected)),
                    ("attachment download", lambda: step_attachment_download(page, expected, downloads)),
                    ("queue and chart on a phone", lambda: step_queue_and_chart_on_a_phone(page, expected)),
                    ("screenshot and phone width", lambda: step_phone_width(page, expected, arguments.screenshot)),
                    ("sign-out", lambda: step_sign_out(page, expected)),
                ]
                for name, step in steps:
                    try:
                        if name != "sign-in":
                            driver.set_window_size(1280, 1000)
                            page.open()
                        step()
                        passed += 1
                        print(f"ok    {name}", flush=True)
                    except StepFailed as failure:
                        failed.append(name)
                        print(f"FAIL  {name}: {failure}", flush=True)
                    except Exception:
                        failed.append(name)
                        print(f"FAIL  {name}:\n{traceback.format_exc()}", flush=True)
            finally:
                driver.quit()
            if failed:
                print(f"server log (tail):\n{server.log_text()}")
    finally:
        shutil.rmtree(downloads, ignore_errors=True)
    print(f"admin e2e: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
