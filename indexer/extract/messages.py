"""Every user-facing extraction message, in one place, with its stable code.

Messages are short sentences a clerk can act on; the technical cause goes into the
exception chain (``raise ... from e``) for the logs.
"""

from __future__ import annotations

from indexer.errors import ExtractionError

UNSUPPORTED = "不支持该文件格式，请上传 .docx 或 .pdf 文件"
CONVERTER_UNAVAILABLE = (
    "不支持该文件格式，请上传 .docx 或 .pdf 文件"
    "（服务器未配置 Tika 或 LibreOffice，无法读取 .doc/.wps/.rtf/.odt）"
)

# Human names of the kinds of content ``sniff`` can recognise, for mismatch messages.
KIND_NAMES: dict[str, str] = {
    "docx": "Word 文档（.docx）",
    "pdf": "PDF 文件",
    "doc": "Word 97-2003 文档（.doc）",
    "wps": "WPS 文字文档（.wps）",
    "rtf": "RTF 文档",
    "odt": "OpenDocument 文本（.odt）",
    "txt": "纯文本",
    "md": "纯文本",
    "xlsx": "Excel 表格",
    "xls": "Excel 97-2003 表格",
    "pptx": "PowerPoint 演示文稿",
    "ppt": "PowerPoint 97-2003 演示文稿",
    "ods": "OpenDocument 表格",
    "odp": "OpenDocument 演示文稿",
    "ole2": "Office 97-2003 文件",
    "zip": "ZIP 压缩包",
    "rar": "RAR 压缩包",
    "7z": "7z 压缩包",
    "gzip": "gzip 压缩包",
    "exe": "可执行程序",
    "elf": "可执行程序",
    "image": "图片",
    "jpeg": "JPEG 图片",
    "png": "PNG 图片",
    "tiff": "TIFF 图片",
    "html": "网页（HTML）",
    "encrypted_office": "加密的 Office 文档",
    "binary": "无法识别的二进制数据",
    "empty": "空文件",
}


def unsupported() -> ExtractionError:
    return ExtractionError(UNSUPPORTED, code="unsupported_format")


def converter_unavailable(message: str = CONVERTER_UNAVAILABLE) -> ExtractionError:
    return ExtractionError(message, code="converter_unavailable")


def mismatch(extension: str, actual: str) -> ExtractionError:
    name = KIND_NAMES.get(actual, KIND_NAMES["binary"])
    return ExtractionError(
        f"文件扩展名为 {extension}，但内容是{_space(name)}{name}，请核对文件后重新上传",
        code="content_mismatch",
    )


def not_expected(extension: str, expected: str) -> ExtractionError:
    """The content is unrecognisable, so we can only say what it is not."""
    name = KIND_NAMES.get(expected, expected)
    return ExtractionError(
        f"文件扩展名为 {extension}，但内容不是{_space(name)}{name}，请核对文件后重新上传",
        code="content_mismatch",
    )


def encrypted() -> ExtractionError:
    return ExtractionError("文件已加密（设置了打开密码），请取消密码后重新上传", code="encrypted")


def corrupt(detail: str = "") -> ExtractionError:
    prefix = f"{detail}：" if detail else ""
    return ExtractionError(
        f"{prefix}文件已损坏或不完整，无法读取，请重新保存后上传", code="corrupt"
    )


def too_large(limit_bytes: int) -> ExtractionError:
    return ExtractionError(
        f"文件超过 {_mb(limit_bytes)} MB 的大小上限，请压缩或拆分后上传", code="too_large"
    )


def too_many_pages(limit: int) -> ExtractionError:
    return ExtractionError(f"文件页数超过 {limit} 页的上限，请拆分后上传", code="too_large")


def image_too_large(limit_pixels: int) -> ExtractionError:
    return ExtractionError(
        f"图片超过 {limit_pixels // 1_000_000} 百万像素的上限，请降低扫描分辨率后上传",
        code="too_large",
    )


def zip_bomb() -> ExtractionError:
    return ExtractionError(
        "文件结构异常（解压后体积过大或压缩比异常），已拒绝处理", code="zip_bomb"
    )


def no_text_layer() -> ExtractionError:
    return ExtractionError(
        "该 PDF 只有扫描图片，没有可提取的文字，请上传含文字的 PDF 或 Word 文件",
        code="no_text_layer",
    )


def image_needs_ocr() -> ExtractionError:
    """An image upload: like a scanned PDF, its text must be recognised (OCR) first."""
    return ExtractionError(
        "该文件是扫描图片，没有可提取的文字，请上传含文字的 PDF 或 Word 文件", code="no_text_layer"
    )


def unsupported_image() -> ExtractionError:
    return ExtractionError(
        "不支持该图片格式，请上传 JPG、PNG 或 TIFF 图片，或 PDF 文件", code="unsupported_format"
    )


def not_for_ocr() -> ExtractionError:
    return ExtractionError(
        "只能对 PDF 扫描件或图片（JPG、PNG、TIFF）进行文字识别", code="unsupported_format"
    )


def not_for_pdf_conversion() -> ExtractionError:
    return ExtractionError(
        "只能把 Word 文档（.docx/.doc/.wps/.rtf/.odt）转换为 PDF", code="unsupported_format"
    )


def preview_converter_unavailable(message: str | None = None) -> ExtractionError:
    return ExtractionError(
        message or "服务器未安装 LibreOffice，无法把 Word 文档转换为 PDF 预览",
        code="converter_unavailable",
    )


def ocr_unavailable() -> ExtractionError:
    return ExtractionError(
        "服务器未安装文字识别组件（OCRmyPDF 与 Tesseract 中文语言包），无法识别扫描件，"
        "请上传含文字的 PDF 或 Word 文件",
        code="ocr_unavailable",
    )


def ocr_failed() -> ExtractionError:
    return ExtractionError("文字识别失败，请重新扫描或另存为 PDF 后上传", code="ocr_failed")


def ocr_timeout() -> ExtractionError:
    return ExtractionError("文字识别超时，请拆分为较少页数的文件后重新上传", code="ocr_timeout")


def ocr_unreadable() -> ExtractionError:
    return ExtractionError(
        "文字识别后仍没有可读的文字，请提供更清晰的扫描件（建议 300 dpi）", code="ocr_unreadable"
    )


def empty_file() -> ExtractionError:
    return ExtractionError("上传的文件是空的（0 字节），请检查后重新选择文件", code="empty_file")


def macro_enabled() -> ExtractionError:
    return ExtractionError(
        "文件含有宏（启用宏的 Office 文档），不能上传；请另存为不含宏的 .docx 或 PDF 后重新上传",
        code="macro_enabled",
    )


def empty_document() -> ExtractionError:
    return ExtractionError("文件中没有文字内容", code="empty_document")


def bad_encoding() -> ExtractionError:
    return ExtractionError(
        "无法识别文本文件的编码，请另存为 UTF-8 编码后重新上传", code="bad_encoding"
    )


def _mb(n: int) -> str:
    value = n / (1024 * 1024)
    return f"{value:g}" if value >= 1 else f"{value:.2g}"


def _space(name: str) -> str:
    # "内容是 PDF 文件" but "内容是可执行程序": a space only before Latin script.
    return " " if name[:1].isascii() else ""
