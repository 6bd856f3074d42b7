#!/usr/bin/env python3
"""Browser tests of the smmkpi web pages in headless Chromium (selenium).

Starts the built binary (`smmkpi serve --demo --port <free port>`), reads the demo login it
prints, then logs in, switches the language, changes the period, opens a plan, confirms an
anomaly and uploads a bad zip. Saves a screenshot of every step into the artefact directory and
fails on any browser console error.

    browser_test.py [--binary .build/debug/smmkpi] [--artifacts .build/test-artifacts/webui]
                    [--screenshots docs/screenshots]   # also: every page in RU and EN
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`smmkpi serve --demo` on a free loopback port; the demo login is read from its stdout."""

    def __init__(self, binary, extra):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="smmkpi-browser-")
        env = dict(os.environ, SMMKPI_LOG_LEVEL="warning")
        env.pop("SMMKPI_DB", None)
        # stdout is a pipe: line-buffer it so the demo login arrives as soon as it is printed.
        prefix = ["stdbuf", "-oL"] if shutil.which("stdbuf") else []
        self.proc = subprocess.Popen(
            prefix + [binary, "serve", "--demo", "--port", str(self.port), "--db", os.path.join(self.dir, "smmkpi.sqlite")] + extra,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.out = []
        self.err = []
        threading.Thread(target=self._drain, args=(self.proc.stderr, self.err), daemon=True).start()
        self.login = self.password = None
        deadline = time.time() + 600
        for line in self.proc.stdout:
            self.out.append(line)
            m = re.match(r"\s*login:\s*(\S+)", line)
            if m:
                self.login = m.group(1)
            m = re.match(r"\s*password:\s*(\S+)", line)
            if m:
                self.password = m.group(1)
            if self.login and self.password or time.time() > deadline:
                break
        threading.Thread(target=self._drain, args=(self.proc.stdout, self.out), daemon=True).start()
        if not (self.login and self.password):
            self.stop()
            raise SystemExit("smmkpi serve --demo printed no login:\n" + "".join(self.out) + "".join(self.err))
        self.base = "http://127.0.0.1:%d" % self.port
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise SystemExit("smmkpi serve did not listen on port %d:\n%s" % (self.port, "".join(self.err)))

    @staticmethod
    def _drain(stream, into):
        for line in stream:
            into.append(line)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def make_driver(accept_language="ru-RU,ru;q=0.9", width=1280, height=900):
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=%d,%d" % (width, height), "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


class Check:
    def __init__(self, driver, server, artifacts):
        self.d = driver
        self.s = server
        self.artifacts = artifacts
        self.step = 0
        self.errors = []

    def console(self, where, expected_status=None):
        """Records every SEVERE console entry; the one network entry a step expects (the 401 of a
        wrong password, the 422 of a refused bundle) is the page working, not an error."""
        for entry in self.d.get_log("browser"):
            if entry.get("level") != "SEVERE":
                continue
            message = entry.get("message", "")
            if expected_status and "the server responded with a status of %d" % expected_status in message:
                continue
            self.errors.append("%s: %s" % (where, message))

    def shot(self, name, expected_status=None):
        self.step += 1
        path = os.path.join(self.artifacts, "%02d-%s.png" % (self.step, name))
        self.d.save_screenshot(path)
        self.console(name, expected_status)

    def wait(self, cond, what, timeout=60):
        try:
            # A click that navigates can leave the condition holding an element of the page
            # being replaced: that is "not yet", not a failure.
            return WebDriverWait(self.d, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(cond)
        except Exception:
            self.shot("failed-" + re.sub(r"\W+", "-", what)[:40])
            raise AssertionError("timed out waiting for " + what + " at " + self.d.current_url)

    def expect(self, ok, what):
        if not ok:
            self.shot("failed-" + re.sub(r"\W+", "-", what)[:40])
            raise AssertionError(what + " at " + self.d.current_url)

    def run(self):
        d, s = self.d, self.s
        # Before login the page speaks the Accept-Language (Russian here).
        d.get(s.base + "/")
        self.wait(EC.presence_of_element_located((By.NAME, "password")), "the login form")
        self.expect(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru", "the login page is Russian")
        self.shot("login")
        d.find_element(By.NAME, "login").send_keys(s.login)
        d.find_element(By.NAME, "password").send_keys("wrong-password")
        d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")), "the wrong-password message")
        self.shot("login-failed", expected_status=401)
        d.find_element(By.NAME, "password").send_keys(s.password)
        d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-kpi]")), "the dashboard's KPI cards")
        self.expect("Дашборд" in d.find_element(By.TAG_NAME, "h1").text, "the dashboard heading is Russian")
        self.shot("dashboard-ru")

        # Switch the language: the page comes back in English.
        d.find_element(By.CSS_SELECTOR, "form.lang button[value=en]").click()
        self.wait(lambda drv: drv.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the English page")
        self.expect("Dashboard" in d.find_element(By.TAG_NAME, "h1").text, "the dashboard heading is English")
        self.shot("dashboard-en")

        # Change the period: weeks, then the week before.
        d.find_element(By.XPATH, "//div[contains(@class,'segmented')]/a[contains(@href,'kind=week')]").click()
        self.wait(lambda drv: "kind=week" in drv.current_url, "the week view")
        select = Select(d.find_element(By.ID, "pp-period"))
        self.expect(len(select.options) >= 2, "the period picker offers several weeks")
        wanted = select.options[1].get_attribute("value")
        select.select_by_index(1)
        d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        self.wait(lambda drv: "period=" + wanted in drv.current_url, "the chosen week in the address")
        self.expect(d.find_element(By.ID, "pp-period").get_attribute("value") == wanted, "the picker shows the chosen week")
        self.shot("dashboard-week")

        # Open a plan: its scorecard and trend.
        d.find_element(By.CSS_SELECTOR, "nav.nav a[href$='/plans']").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "table a[href*='/plans/']")), "the plan list")
        self.shot("plans")
        d.find_element(By.CSS_SELECTOR, "table a[href*='/plans/']").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-score]")), "the scorecard")
        self.expect(d.find_element(By.ID, "plan-trend-title") is not None, "the plan's trend chart")
        self.shot("plan")

        # Confirm an anomaly.
        d.find_element(By.CSS_SELECTOR, "nav.nav a[href$='/anomalies']").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "h1")), "the anomalies page")
        buttons = d.find_elements(By.CSS_SELECTOR, "button[value=confirmed]")
        if not buttons:
            # The demo's anomalies may lie outside the default quarter: look at the whole year.
            Select(d.find_element(By.ID, "pp-period")).select_by_index(len(Select(d.find_element(By.ID, "pp-period")).options) - 1)
            for link in d.find_elements(By.XPATH, "//div[contains(@class,'segmented')]/a[contains(@href,'kind=custom')]"):
                link.click()
                break
            self.wait(EC.presence_of_element_located((By.ID, "pp-from")), "the custom period")
            d.execute_script("document.getElementById('pp-from').value='2000-01-01'")
            d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
            self.wait(lambda drv: "from=2000-01-01" in drv.current_url, "the anomalies of every date")
            self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")), "the anomalies page")
            try:
                WebDriverWait(d, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "button[value=confirmed]")))
            except Exception:
                pass
            buttons = d.find_elements(By.CSS_SELECTOR, "button[value=confirmed]")
        self.expect(len(buttons) > 0, "an open anomaly to confirm")
        card = buttons[0].find_element(By.XPATH, "./ancestor::article")
        anomaly = card.get_attribute("data-anomaly")
        self.shot("anomalies")
        buttons[0].click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-anomaly='%s'] .badge-confirmed" % anomaly)),
                  "the confirmed badge")
        self.shot("anomaly-confirmed")

        # Upload a bad zip: the CLI's sentence, nothing imported.
        d.find_element(By.CSS_SELECTOR, "nav.nav a[href$='/import']").click()
        self.wait(EC.presence_of_element_located((By.ID, "bundle-file")), "the import form")
        bad = os.path.join(tempfile.mkdtemp(prefix="smmkpi-bad-"), "broken-bundle.zip")
        with open(bad, "wb") as f:
            f.write(b"this is not a zip file")
        d.find_element(By.ID, "bundle-file").send_keys(bad)
        d.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
        err = self.wait(EC.visibility_of_element_located((By.ID, "import-error")), "the import error")
        self.expect("broken-bundle.zip" in err.text, "the error names the uploaded file: " + err.text)
        self.shot("import-bad-zip", expected_status=422)

        # Comments and reports render; a client-side console stays clean.
        for page in ("comments", "reports", "settings"):
            d.find_element(By.CSS_SELECTOR, "nav.nav a[href$='/%s']" % page).click()
            self.wait(lambda drv: drv.current_url.split("?")[0].endswith("/" + page), "the %s page" % page)
            self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")), "the %s page" % page)
            self.shot(page)
        if self.errors:
            raise AssertionError("browser console errors:\n" + "\n".join(self.errors))


def screenshots(driver, server, out):
    """Every page in Russian and English, 1280 wide, whole page height."""
    os.makedirs(out, exist_ok=True)
    d = driver
    d.get(server.base + "/login")
    WebDriverWait(d, 30).until(EC.presence_of_element_located((By.NAME, "password")))
    d.save_screenshot(os.path.join(out, "login-ru.png"))
    d.find_element(By.NAME, "login").send_keys(server.login)
    d.find_element(By.NAME, "password").send_keys(server.password)
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(d, 60).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-kpi]")))
    base = d.current_url.split("/dashboard")[0]
    plan = None
    for lang in ("ru", "en"):
        d.find_element(By.CSS_SELECTOR, "form.lang button[value=%s]" % lang).click()
        # The page is replaced while we look: a stale <html> just means "look again".
        WebDriverWait(d, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda drv: drv.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang)
        if plan is None:
            d.get(base + "/plans")
            links = d.find_elements(By.CSS_SELECTOR, "table a[href*='/plans/']")
            plan = links[0].get_attribute("href") if links else base + "/plans"
        pages = [("dashboard", base + "/dashboard"), ("plans", base + "/plans"), ("plan", plan),
                 ("plan-editor", plan + "/edit"), ("anomalies", base + "/anomalies?kind=custom&from=2000-01-01&to=2100-01-01"),
                 ("comments", base + "/comments"), ("comments-unanswered", base + "/comments?filter=unanswered"),
                 ("import", base + "/import"), ("reports", base + "/reports"), ("settings", "/settings")]
        for name, url in pages:
            d.get(url if url.startswith("http") else server.base + url)
            WebDriverWait(d, 60).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main")))
            height = d.execute_script("return Math.min(document.documentElement.scrollHeight, %d)" % (6000 if name == "dashboard" else 2400))
            d.set_window_size(1280, max(800, height))
            time.sleep(0.2)
            d.save_screenshot(os.path.join(out, "%s-%s.png" % (name, lang)))
            d.set_window_size(1280, 900)
    d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    WebDriverWait(d, 30).until(EC.presence_of_element_located((By.NAME, "password")))
    # The login page speaks the browser's language: an English browser gets it in English.
    english = make_driver(accept_language="en-US,en;q=0.9")
    try:
        english.get(server.base + "/login")
        WebDriverWait(english, 30).until(EC.presence_of_element_located((By.NAME, "password")))
        english.save_screenshot(os.path.join(out, "login-en.png"))
    finally:
        english.quit()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", default=".build/debug/smmkpi")
    p.add_argument("--artifacts", default=".build/test-artifacts/webui")
    p.add_argument("--screenshots")
    p.add_argument("--demo-days", default="365")
    args = p.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    server = Server(args.binary, ["--demo-days", args.demo_days])
    driver = None
    try:
        driver = make_driver()
        if args.screenshots:
            screenshots(driver, server, args.screenshots)
        else:
            Check(driver, server, args.artifacts).run()
            print("browser test passed; screenshots in " + args.artifacts)
    except Exception:
        sys.stderr.write("server stderr (last lines):\n" + "".join(server.err[-30:]))
        raise
    finally:
        if driver is not None:
            driver.quit()
        server.stop()


if __name__ == "__main__":
    main()
