"""The demo library: sample business-environment reform cases and their rendering.

``cases.json`` holds invented cases written for the demo (no real documents are copied);
``render`` turns each case into the .docx or .pdf file a submitting unit would upload.
"""

from __future__ import annotations

from library.demo.render import load_demo_cases, render_docx, render_pdf, write_demo_files

__all__ = ["load_demo_cases", "render_docx", "render_pdf", "write_demo_files"]
