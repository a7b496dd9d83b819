"""VS Code: the extension's unit tests (node --test), and the packaged .vsix in a real VS Code.

The end-to-end test serves code-server (VS Code 1.139) on loopback with the .vsix installed,
opens the fixture Flask workspace in headless Chromium through selenium, and checks what a
user sees: flask-lsp's findings in the Problems panel, the status-bar item, and a quick fix
(Ctrl+. on the finding) that rewrites the file, and a settings change that switches a rule
off without a restart. Screenshots go to test-artifacts/.

The server is found the way it is for a user who installed flask-lsp: the extension host's
login shell has the venv's bin directory on PATH (set in the private HOME's ~/.profile).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, FIX_CODE, REPO, expected_after_fix, require

pytestmark = pytest.mark.editor

VSCODE = REPO / "editors" / "vscode"
E2E = VSCODE / "e2e"
NODE24_BIN = E2E / "node24" / "node_modules" / ".bin"
CODE_SERVER = E2E / "code-server" / "node_modules" / ".bin" / "code-server"
VSIX = VSCODE / "flask-lsp.vsix"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# What this machine needs: no sandbox as root, no GPU, and no traffic beyond loopback.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
]
USER_SETTINGS = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "workbench.enableExperiments": False,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "chat.disableAIFeatures": True,
    "security.workspace.trust.enabled": False,
    "telemetry.telemetryLevel": "off",
    "extensions.autoUpdate": False,
    "extensions.autoCheckUpdates": False,
    "update.mode": "none",
}


def test_extension_unit_tests_pass() -> None:
    """The launch logic, settings, Flask detection and status wording (node --test)."""
    require("vscode-extension", VSCODE / "node_modules" / ".bin" / "esbuild")
    done = subprocess.run(
        ["npm", "test", "--silent"], cwd=VSCODE, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "# fail 0" in done.stdout


PYTHON_EXTENSION_STUB = REPO / "tests" / "fixtures" / "editors" / "python-extension-stub"
VSIX_MANIFEST = """<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">
  <Metadata>
    <Identity Language="en-US" Id="{name}" Version="{version}" Publisher="{publisher}" />
    <DisplayName>{name}</DisplayName>
    <Description xml:space="preserve">{name}</Description>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="{engine}" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionKind" Value="workspace" />
    </Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>
  <Dependencies/>
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json"
           Addressable="true" />
  </Assets>
</PackageManifest>
"""
CONTENT_TYPES = """<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension=".json" ContentType="application/json"/>
<Default Extension=".js" ContentType="application/javascript"/>
<Default Extension=".vsixmanifest" ContentType="text/xml"/>
</Types>
"""


def pack_vsix(folder: Path, target: Path) -> Path:
    """A .vsix of a plain-JavaScript extension folder (what vsce makes, minus its checks)."""
    manifest = json.loads((folder / "package.json").read_text())
    with zipfile.ZipFile(target, "w") as vsix:
        vsix.writestr("[Content_Types].xml", CONTENT_TYPES)
        vsix.writestr(
            "extension.vsixmanifest",
            VSIX_MANIFEST.format(engine=manifest["engines"]["vscode"], **manifest),
        )
        for file in sorted(folder.iterdir()):
            vsix.write(file, f"extension/{file.name}")
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "code-server exited"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout}s")


@dataclass
class CodeServer:
    url: str
    data: Path  # --user-data-dir: logs/*/exthost*/flask-lsp.flask-lsp/ has the output channel

    def extension_log(self) -> str:
        logs = self.data.glob("logs/*/exthost*/flask-lsp.flask-lsp/*.log")
        return "\n".join(log.read_text() for log in sorted(logs))


@pytest.fixture
def code_server(
    request: pytest.FixtureRequest,
    workspace: Path,
    editor_env: dict[str, str],
    flask_lsp: Path,
    tmp_path: Path,
) -> Iterator[CodeServer]:
    """code-server on loopback with the packaged extension installed.

    Parametrised indirectly: "path" (default) puts flask-lsp on the login shell's PATH;
    "missing" is a user who has not installed it; "python-extension" has it only in the
    interpreter that the Python extension (a stand-in for its API) reports as selected.
    """
    setup: str = getattr(request, "param", "path")
    server_installed = setup == "path"
    require("node24", NODE24_BIN / "node")
    require("code-server", CODE_SERVER)
    require("vscode-extension", VSIX)
    env = editor_env | {
        "PATH": f"{NODE24_BIN}{os.pathsep}{editor_env['PATH']}",
        "SHELL": "/bin/bash",
    }
    # VS Code takes PATH from the user's login shell, as on a desktop.
    profile = f'export PATH="{flask_lsp.parent}:$PATH"\n' if server_installed else ""
    for name in (".profile", ".bashrc"):
        (Path(env["HOME"]) / name).write_text(profile)
    data = tmp_path / "vscode-data"
    extensions = tmp_path / "vscode-extensions"
    (data / "User").mkdir(parents=True)
    (data / "User" / "settings.json").write_text(json.dumps(USER_SETTINGS, indent=2))
    common = [f"--user-data-dir={data}", f"--extensions-dir={extensions}"]
    installs = ["--install-extension", str(VSIX)]
    if setup == "python-extension":
        stub = pack_vsix(PYTHON_EXTENSION_STUB, tmp_path / "ms-python-stub.vsix")
        installs += ["--install-extension", str(stub)]
        project_settings = {"python.defaultInterpreterPath": str(flask_lsp.parent / "python")}
        (workspace / ".vscode").mkdir()
        (workspace / ".vscode" / "settings.json").write_text(json.dumps(project_settings))
    subprocess.run(
        [str(CODE_SERVER), *common, *installs],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = free_port()
    log = (tmp_path / "code-server.log").open("wb")
    process = subprocess.Popen(
        [
            str(CODE_SERVER),
            *common,
            f"--bind-addr=127.0.0.1:{port}",
            "--auth=none",
            "--disable-telemetry",
            "--disable-update-check",
            "--disable-workspace-trust",
            str(workspace),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/healthz", process)
        yield CodeServer(url=f"http://127.0.0.1:{port}/?folder={workspace}", data=data)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> Iterator[object]:
    """Debian's headless Chromium, driven through Debian's chromedriver."""
    require("chromium", CHROMIUM)
    require("chromedriver", CHROMEDRIVER)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require("python", None)
        raise
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="flask-lsp-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            yield driver
            report = getattr(request.node, "rep_call", None)
            if report is not None and report.failed:
                ARTIFACTS.mkdir(exist_ok=True)
                driver.save_screenshot(str(ARTIFACTS / f"{request.node.name}-failure.png"))
        finally:
            driver.quit()


def test_problems_panel_and_quick_fix_in_code_server(
    code_server: CodeServer, browser: object, workspace: Path, flask_lsp: Path
) -> None:
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    driver = browser
    wait = WebDriverWait(
        driver, 90, poll_frequency=0.25, ignored_exceptions=[StaleElementReferenceException]
    )
    ARTIFACTS.mkdir(exist_ok=True)

    def press(key: str, *modifiers: str) -> None:
        chain = ActionChains(driver)
        for modifier in modifiers:
            chain.key_down(modifier)
        chain.send_keys(key)
        for modifier in reversed(modifiers):
            chain.key_up(modifier)
        chain.perform()

    def texts(selector: str) -> list[str]:
        """Texts of the matching elements, read in one step (VS Code re-renders lists often)."""
        found: list[str] = driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", selector
        )
        return [text.replace("\xa0", " ") for text in found]  # Monaco draws spaces as nbsp

    def click(selector: str, containing: str) -> None:
        """Click the element whose text contains `containing`, again if it was re-rendered."""
        for _ in range(10):
            try:
                element = next(
                    e
                    for e in driver.find_elements(By.CSS_SELECTOR, selector)
                    if containing in e.text
                )
                element.click()
                return
            except (StaleElementReferenceException, StopIteration):
                time.sleep(0.2)
        raise AssertionError(f"no {selector} with {containing!r} to click")

    def problems() -> list[str]:
        return [t for t in texts(".markers-panel .monaco-list-row") if "flask-lsp" in t]

    driver.get(code_server.url)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".monaco-workbench .part.editor"))
    wait.until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".explorer-folders-view .monaco-list-row")
    )

    # Open app.py with Quick Open, then show the Problems panel.
    press("p", Keys.CONTROL)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".quick-input-widget input"))
    ActionChains(driver).send_keys("app.py").perform()
    wait.until(lambda d: any("app.py" in t for t in texts(".quick-input-list .monaco-list-row")))
    press(Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".tab.active[aria-label*='app.py']"))
    press("m", Keys.CONTROL, Keys.SHIFT)

    # flask-lsp's two findings appear, with source and code, and the status item shows.
    wait.until(lambda d: len(problems()) == 2)
    found = problems()
    assert "FL101" in found[0] and "[Ln 8, Col 14]" in found[0]
    assert "FL105" in found[1] and "[Ln 18, Col 5]" in found[1]
    assert "`request` needs a request context" in found[0]
    # The extension's status-bar item: a check mark once the server has indexed.
    status = ".statusbar-item[id$='flask-lsp.status']"
    wait.until(lambda d: [t.strip() for t in texts(status)] == ["Flask"])
    driver.save_screenshot(str(ARTIFACTS / "vscode-problems.png"))

    # Click the FL105 problem (the editor selects it), focus the editor, Ctrl+. for fixes.
    # The browser sometimes drops the click or a key while the workbench re-renders: try the
    # whole gesture again rather than wait on a menu that was never asked for.
    menu = ".action-widget .monaco-list-row"
    short = WebDriverWait(
        driver, 15, poll_frequency=0.25, ignored_exceptions=[StaleElementReferenceException]
    )
    for attempt in range(5):
        click(".markers-panel .monaco-list-row", FIX_CODE)
        press(Keys.ESCAPE)
        press("1", Keys.CONTROL)
        press(".", Keys.CONTROL)
        try:
            short.until(lambda d: any("Enter it" in t for t in texts(menu)))
            break
        except TimeoutException:
            driver.save_screenshot(str(ARTIFACTS / f"vscode-quick-fix-attempt-{attempt}.png"))
            press(Keys.ESCAPE)
    else:
        raise AssertionError(f"no quick fix menu; it showed {texts(menu)}")
    titles = [t for t in texts(menu) if t]
    assert any(t.startswith("Enter it: `with app.app_context():`") for t in titles), titles
    driver.save_screenshot(str(ARTIFACTS / "vscode-quick-fix-menu.png"))
    click(menu, "Enter it")

    # Save: the file on disk carries the fix, and the FL105 finding is gone.
    press("s", Keys.CONTROL)
    app = workspace / "app.py"
    deadline = time.monotonic() + 30
    while app.read_text() != expected_after_fix() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert app.read_text() == expected_after_fix()
    wait.until(lambda d: len(problems()) == 1)
    assert "FL101" in problems()[0]
    driver.save_screenshot(str(ARTIFACTS / "vscode-after-fix.png"))

    # A change to the project's settings reaches the running server (no restart).
    (workspace / ".vscode").mkdir()
    (workspace / ".vscode" / "settings.json").write_text('{"flask-lsp.ignore": ["FL101"]}\n')
    wait.until(lambda d: problems() == [])

    # The commands: "Restart server", then "Show output" shows how the server was found.
    def run_command(title: str) -> None:
        press("p", Keys.CONTROL, Keys.SHIFT)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".quick-input-widget input"))
        ActionChains(driver).send_keys(title).perform()
        wait.until(lambda d: any(title in t for t in texts(".quick-input-list .monaco-list-row")))
        press(Keys.ENTER)

    def output_text() -> str:
        return "\n".join(texts(".panel .output-view .view-line"))

    run_command("Flask LSP: Restart server")
    run_command("Flask LSP: Show output")
    # The newest lines: the old server stopped, a new one started (found on PATH again).
    wait.until(lambda d: "Server process exited successfully" in output_text())
    assert f"Starting {flask_lsp} (found via path)" in output_text()
    driver.save_screenshot(str(ARTIFACTS / "vscode-output.png"))


@pytest.mark.parametrize("code_server", ["missing"], indirect=True, ids=["not installed"])
def test_missing_server_gives_one_message_with_the_install_command(
    code_server: CodeServer, browser: object
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    driver = browser
    wait = WebDriverWait(driver, 90, poll_frequency=0.25)

    def messages() -> list[str]:
        toasts: list[str] = driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)",
            ".notification-toast .notification-list-item",
        )
        return [t for t in toasts if "Flask LSP" in t]

    driver.get(code_server.url)
    wait.until(lambda d: messages())
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "vscode-server-missing.png"))

    (message,) = messages()
    assert "the flask-lsp server was not found on PATH" in message
    assert "Install it with: pip install flask-lsp" in message
    assert "Copy install command" in message
    status = driver.find_element(By.CSS_SELECTOR, ".statusbar-item[id$='flask-lsp.status']")
    assert status.text.strip() == "Flask"
    assert "not found" in (status.get_attribute("aria-label") or "")


@pytest.mark.parametrize("code_server", ["python-extension"], indirect=True, ids=["in venv"])
def test_server_found_through_the_python_extensions_interpreter(
    code_server: CodeServer, browser: object, flask_lsp: Path
) -> None:
    """flask-lsp is not on PATH, only in the interpreter the Python extension selected."""
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    driver = browser
    wait = WebDriverWait(driver, 90, poll_frequency=0.25)

    def texts(selector: str) -> list[str]:
        found: list[str] = driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", selector
        )
        return [text.replace("\xa0", " ") for text in found]

    def status() -> str:
        label: str | None = driver.execute_script(
            "const e = document.querySelector(arguments[0]);"
            "return e ? e.getAttribute('aria-label') : null",
            ".statusbar-item[id$='flask-lsp.status']",
        )
        return label or ""

    driver.get(code_server.url)
    wait.until(lambda d: "Flask LSP: running" in status())
    python = flask_lsp.parent / "python"
    assert f"Starting {python} -m flask_lsp (found via python-extension)" in (
        code_server.extension_log()
    )
    # No message asked the user to install anything.
    assert not [t for t in texts(".notification-toast") if "Flask LSP" in t]
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "vscode-python-extension.png"))
