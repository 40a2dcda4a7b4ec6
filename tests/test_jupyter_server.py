"""JupyterLab's server, headless, as a user starts it: loopback only, token required, notebooks listed,
and one notebook executed through a kernel the server started.

``jupyter server`` (the server JupyterLab runs in; ``jupyter lab`` is the same server with the lab
UI extension, which is checked to be served at ``/lab``) is started on 127.0.0.1 with a random free
port and a random token. Through its REST API the test lists ``notebooks/``, starts a kernel, and
runs every code cell of ``03-figures.ipynb`` over the kernel's websocket channels (the Jupyter
messaging protocol), failing on any error output. It checks that every listening socket of the
server and of its kernel is bound to a loopback address, that requests without the token are
refused, and always shuts the server down (REST shutdown, then the process group).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import ROOT

NOTEBOOK = "03-figures.ipynb"
START_TIMEOUT = 90
CELL_TIMEOUT = 300


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str | None, *, method: str = "GET", body: dict | None = None, timeout: float = 30):
    """(status, parsed JSON or text) of a request to the local server."""
    import urllib.error
    import urllib.request

    data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header("Authorization", f"token {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    # Never through a proxy: this is a loopback address.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=timeout) as resp:
            raw = resp.read().decode("utf-8", "replace")
            status = resp.status
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port, token = _free_port(), secrets.token_hex(24)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    log = tmp_path_factory.mktemp("jupyter-log") / "server.log"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_CONFIG_DIR=str(runtime / "config"),
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    cmd = [
        sys.executable, "-m", "jupyter_server", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
        "--ServerApp.allow_remote_access=False", "--ServerApp.open_browser=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI run as root; the server refuses otherwise
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=str(ROOT),
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter server exited ({proc.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
            try:
                status, _ = _get(f"{base}/api/status", token, timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter server did not answer in {START_TIMEOUT}s:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
        yield {"base": base, "token": token, "port": port, "proc": proc, "log": log}
    finally:
        try:
            _get(f"{base}/api/shutdown", token, method="POST", timeout=10)
        except OSError:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)  # our own process group: the server and its kernels
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def test_notebooks_are_listed(server):
    status, listing = _get(f"{server['base']}/api/contents/notebooks", server["token"])
    assert status == 200, listing
    names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    assert {"01-language.ipynb", "02-framing.ipynb", "03-figures.ipynb"} <= names
    status, nb = _get(f"{server['base']}/api/contents/notebooks/{NOTEBOOK}", server["token"])
    assert status == 200 and nb["type"] == "notebook"
    tags = [c["metadata"].get("tags", []) for c in nb["content"]["cells"]]
    assert sum("parameters" in t for t in tags) == 1


def test_token_is_required(server):
    for path in ("/api/contents/notebooks", "/api/kernels"):
        status, _ = _get(f"{server['base']}{path}", None)
        assert status in (401, 403), (path, status)
    status, _ = _get(f"{server['base']}/api/contents/notebooks", "wrong-token")
    assert status in (401, 403)


def test_lab_ui_is_served(server):
    status, page = _get(f"{server['base']}/lab", server["token"])
    assert status == 200 and "JupyterLab" in str(page)


def _listening_addresses(pids: set[int]) -> list[tuple[int, str, int]]:
    """(pid, ip, port) of every listening TCP socket of the given processes."""
    import psutil

    out = []
    for pid in pids:
        try:
            conns = psutil.Process(pid).net_connections(kind="inet")
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        for c in conns:
            if c.status == psutil.CONN_LISTEN or (c.type == socket.SOCK_DGRAM and c.laddr):
                out.append((pid, c.laddr.ip, c.laddr.port))
    return out


def _execute(ws, session: str, code: str) -> list[dict]:
    """Run ``code`` on the kernel; return its iopub outputs. Fails on an error reply."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "test", "session": session, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    outputs, reply, idle = [], None, False
    deadline = time.monotonic() + CELL_TIMEOUT
    while reply is None or not idle:
        if time.monotonic() > deadline:
            pytest.fail(f"no reply within {CELL_TIMEOUT}s for:\n{code[:300]}")
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if msg["channel"] == "iopub":
            if kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append({"type": kind, **msg["content"]})
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        elif msg["channel"] == "shell" and kind == "execute_reply":
            reply = msg["content"]
    errors = [o for o in outputs if o["type"] == "error"]
    assert reply["status"] == "ok" and not errors, (code[:300], reply.get("ename"), reply.get("evalue"),
                                                   "\n".join(errors[0]["traceback"]) if errors else "")
    return outputs


def test_notebook_runs_on_a_server_kernel_and_nothing_listens_beyond_loopback(server):
    import websocket

    base, token = server["base"], server["token"]
    status, kernel = _get(f"{base}/api/kernels", token, method="POST", body={"name": "python3", "path": "notebooks"})
    assert status in (200, 201), kernel
    kid = kernel["id"]
    try:
        status, nb = _get(f"{base}/api/contents/notebooks/{NOTEBOOK}", token)
        cells = [c for c in nb["content"]["cells"] if c["cell_type"] == "code"]
        assert len(cells) >= 3
        ws_url = f"ws://127.0.0.1:{server['port']}/api/kernels/{kid}/channels?session_id={uuid.uuid4().hex}"
        ws = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=CELL_TIMEOUT,
                                         http_no_proxy=["127.0.0.1", "localhost"])
        try:
            session = uuid.uuid4().hex
            outputs = []
            for cell in cells:
                source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                outputs += _execute(ws, session, source)
            html_out = "".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
            assert "Trump Intensifies Immigration Enforcement" in html_out  # the seed article's header
            # The kernel runs beside the server, in the project, with the project's package.
            where = _execute(ws, session, "import os, analysis, sys; print(os.getpid()); print(analysis.__file__)")
            text = "".join(o.get("text", "") for o in where if o["type"] == "stream")
            kernel_pid = int(text.split()[0])
            assert Path(text.split()[1]).resolve().is_relative_to(ROOT)
        finally:
            ws.close()
        import psutil

        pids = {server["proc"].pid, kernel_pid}
        pids |= {c.pid for c in psutil.Process(server["proc"].pid).children(recursive=True)}
        listening = _listening_addresses(pids)
        assert any(port == server["port"] for _, _, port in listening), listening
        assert any(pid == kernel_pid for pid, _, _ in listening), "the kernel's ZMQ ports were not seen"
        for pid, ip, port in listening:
            assert ip in ("127.0.0.1", "::1") or ip.startswith("127."), (pid, ip, port)
    finally:
        _get(f"{base}/api/kernels/{kid}", token, method="DELETE")
