"""One running TradeQuiz per data folder; a second launch raises the first window.

Two processes writing one SQLite file is safe for SQLite but not for the
learner: two windows would show the same due question and each grade it.
The first instance holds a QLockFile in the data folder and listens on a
local socket; a later launch fails to take the lock, asks the first one to
come to the front through the socket, and exits without opening the
database.

A lock left by a killed instance does not block the next launch: QLockFile
records the owner's PID and treats the file as stale once that process is
gone (on Unix it also holds an flock, which dies with the process).  The
local socket left behind by a killed instance is removed by the next owner
of the lock before it listens.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, QThread, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "tradequiz.lock"
_MESSAGE = b"activate\n"
_TIMEOUT_MS = 2000


def server_name(root: Path) -> str:
    """A socket name unique to the data folder and the user (kept short for Unix paths)."""
    who = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{root.resolve()}|{who}".encode()).hexdigest()[:20]
    return f"tradequiz-{digest}"


class SingleInstance(QObject):
    """Hold the data folder for this process, or reach the process that holds it."""

    activation_requested = Signal()

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.name = server_name(root)
        self._lock = QLockFile(str(root / LOCK_NAME))
        self._server: QLocalServer | None = None

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> bool:
        """Take the folder (removing a stale lock or socket); False if another app holds it."""
        with suppress(OSError):  # an unusable folder is reported by the data-folder check
            self.root.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            # Any error but "held by another process" means the lock file cannot be
            # written (the data-folder check reports that): go on without the guard.
            return self._lock.error() != QLockFile.LockError.LockFailedError
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We own the lock, so a socket with this name is a leftover of a killed instance.
        QLocalServer.removeServer(self.name)
        if server.listen(self.name):
            server.newConnection.connect(self._on_connection)
            self._server = server
        return True

    def activate_running(self) -> bool:
        """Ask the instance holding the folder to raise its window; True if it answered."""
        socket = QLocalSocket()
        for _attempt in range(10):
            socket.connectToServer(self.name)
            if socket.waitForConnected(_TIMEOUT_MS // 10 + 100):
                break
            socket.abort()
            # The first instance may hold the lock but not be listening yet.
            QThread.msleep(_TIMEOUT_MS // 10)
        else:
            return False
        socket.write(QByteArray(_MESSAGE))
        socket.waitForBytesWritten(_TIMEOUT_MS)
        answered = (
            socket.waitForReadyRead(_TIMEOUT_MS) and bytes(socket.readAll().data()) == b"ok\n"
        )
        socket.disconnectFromServer()
        return answered

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # No Python closure keeps the socket: Qt owns and deletes it.
            socket.readyRead.connect(self._on_message)
            socket.disconnected.connect(socket.deleteLater)

    @Slot()
    def _on_message(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        data = bytes(socket.readAll().data())
        if _MESSAGE.strip() in data:
            socket.write(QByteArray(b"ok\n"))
            socket.flush()
            self.activation_requested.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
