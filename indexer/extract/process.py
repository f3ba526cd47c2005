"""Running a converter (LibreOffice, OCRmyPDF) as a child process that never outlives us.

Each child starts in a session of its own, so one signal to its process group reaches
every helper it spawned (soffice.bin, Tesseract, Ghostscript), on a timeout or any error.
"""

from __future__ import annotations

import os
import signal
import subprocess


def kill_group(process: subprocess.Popen, only_if_alive: bool = True) -> None:
    """SIGKILL the child's whole process group and reap the child."""
    if only_if_alive and process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
