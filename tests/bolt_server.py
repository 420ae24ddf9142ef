"""An ArcadeDB Bolt server for tests and benchmarks, run in a child process.

The server lives in its own Python process because stopping the embedded JVM
inside the test process crashed or hung the interpreter at exit. The child
binds free loopback ports, creates the database, prints one ``READY {json}``
line, and stops when its stdin closes. ArcadeDB writes ``./log``: the child
runs in the server's temporary folder, so nothing lands in the repository.

    with BoltServer() as server:
        server.uri, server.user, server.password, server.database

``BoltServer(durable=True)`` flushes ArcadeDB's write-ahead log to disk at every
commit (``-Darcadedb.txWalFlush=1``), as a Neo4j server does by default.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"


class BoltServerError(RuntimeError):
    """The ArcadeDB server did not start; the message carries the tail of its log."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BoltServer:
    """Start ArcadeDB with its Bolt plugin on free loopback ports; stop it on exit."""

    user = "root"

    def __init__(self, database: str = "actorgraph", *, durable: bool = False, timeout: float = 180.0):
        self.database = database
        self.durable = durable
        self.password = secrets.token_urlsafe(12)
        self.timeout = timeout
        self.uri = ""
        self._root = Path(tempfile.mkdtemp(prefix="actorgraph-arcadedb-"))
        self._proc: subprocess.Popen | None = None

    def start(self) -> "BoltServer":
        log = open(self._root / "server.log", "wb")
        env = dict(os.environ, ARCADEDB_JVM_ERROR_FILE=str(self._root / "hs_err.log"))
        if self.durable:  # flush the write-ahead log at every commit, as Neo4j does by default
            env["ARCADEDB_JVM_ARGS"] = (env.get("ARCADEDB_JVM_ARGS", "") + " -Darcadedb.txWalFlush=1").strip()
        self._proc = subprocess.Popen(
            [sys.executable, __file__, str(self._root), self.database],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, cwd=self._root, env=env)
        log.close()
        self._proc.stdin.write(self.password.encode() + b"\n")
        self._proc.stdin.flush()
        line = self._ready_line()
        if not line.startswith(b"READY "):
            self.stop()
            raise BoltServerError(f"ArcadeDB did not start: {self._log_tail()}")
        ports = json.loads(line[6:])
        self.uri = f"bolt://127.0.0.1:{ports['bolt_port']}"
        return self

    def _ready_line(self) -> bytes:
        out: list[bytes] = []
        reader = threading.Thread(target=lambda: out.append(self._proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(self.timeout)
        return out[0] if out else b""

    def _log_tail(self) -> str:
        try:
            text = (self._root / "server.log").read_text(errors="replace")
        except OSError:
            return "no log"
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("\tat ")]
        return " | ".join(lines[-5:]) or "empty log"

    def stop(self) -> None:
        if self._proc is not None:
            try:
                self._proc.stdin.close()
                self._proc.wait(timeout=60)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()
                self._proc.wait()
            self._proc = None
        shutil.rmtree(self._root, ignore_errors=True)

    def __enter__(self) -> "BoltServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _serve(root: str, database: str) -> None:
    """Child process: start the server, report its ports, wait for stdin to close."""
    password = sys.stdin.readline().strip()
    import arcadedb_embedded

    ports = {"bolt_port": free_port(), "http_port": free_port()}
    server = arcadedb_embedded.create_server(
        root_path=root, root_password=password,
        config={"server_plugins": BOLT_PLUGIN, **ports})
    server.start()
    server.create_database(database)
    sys.stdout.write("READY " + json.dumps(ports) + "\n")
    sys.stdout.flush()
    sys.stdin.read()  # until the parent closes the pipe
    server.stop()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter finalisation: the JVM's shutdown crashed it


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2])
