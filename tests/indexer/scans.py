"""Scans made in the test: a real PDF rasterised (poppler's pdftoppm, else Ghostscript, which
OCRmyPDF depends on) and the page images put back into an image-only PDF with Pillow."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image


def rasterise(
    pdf: bytes, dpi: int, *, first: int = 1, last: int | None = None
) -> list[Image.Image]:
    """The PDF's pages ``first``..``last`` as greyscale images at ``dpi``."""
    with tempfile.TemporaryDirectory(prefix="caselib-test-raster-") as tmp:
        folder = Path(tmp)
        source = folder / "in.pdf"
        source.write_bytes(pdf)
        if shutil.which("pdftoppm"):
            command = ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(first)]
            command += ["-l", str(last)] if last else []
            command += [str(source), str(folder / "page")]
        else:
            command = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray"]
            command += [f"-r{dpi}", f"-dFirstPage={first}"]
            command += [f"-dLastPage={last}"] if last else []
            command += ["-o", str(folder / "page-%04d.png"), str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        images = []
        for path in sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            with Image.open(path) as image:
                images.append(image.convert("L"))
        return images


def image_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """An image-only PDF (what a scanner gives): one page per image, no text at all."""
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def scanned(pdf: bytes, dpi: int = 150, **pages) -> bytes:
    return image_pdf(rasterise(pdf, dpi, **pages), dpi)


def image_bytes(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def blank_page(size: tuple[int, int]) -> Image.Image:
    return Image.new("L", size, 255)


def noise_page(size: tuple[int, int]) -> Image.Image:
    """Scanner noise: scattered specks, no writing."""
    return Image.effect_noise(size, 100).point(lambda v: 0 if v < 60 else 255)
