"""A minimal, bounds-checked reader of OLE2 (Compound File Binary) containers.

Enough to tell a Word 97-2003 file from an Excel/PowerPoint one or from an encrypted
Office 2007+ file (which is an OLE2 container holding ``EncryptionInfo`` and
``EncryptedPackage``), and to read the Word ``FIB`` flags. Nothing here trusts the file:
every sector number is range-checked and every chain has a length bound.
"""

from __future__ import annotations

import struct

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE_OR_END = 0xFFFFFFFA  # every value at or above this is a special marker
_MAX_DIR_ENTRIES = 100_000


class OleError(ValueError):
    """The container is malformed."""


class Ole2:
    def __init__(self, data: bytes):
        if len(data) < 512 or not data.startswith(MAGIC):
            raise OleError("not an OLE2 container")
        self.data = data
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            raise OleError("bad sector size")
        self.sector_size = 1 << shift
        self.mini_cutoff = struct.unpack_from("<L", data, 0x38)[0]
        self.n_sectors = max(0, (len(data) - self.sector_size) // self.sector_size + 1)
        self.fat = self._read_fat()
        self.entries = self._read_directory(struct.unpack_from("<L", data, 0x30)[0])

    # -- sectors ---------------------------------------------------------------------------
    def _sector(self, n: int) -> bytes:
        if n >= _FREE_OR_END or n + 1 > self.n_sectors:
            raise OleError("sector out of range")
        start = (n + 1) * self.sector_size
        return self.data[start : start + self.sector_size]

    def _chain(self, start: int) -> list[int]:
        chain: list[int] = []
        seen: set[int] = set()
        n = start
        while n < _FREE_OR_END:
            if n in seen or n >= len(self.fat):
                raise OleError("broken sector chain")
            seen.add(n)
            chain.append(n)
            n = self.fat[n]
        return chain

    def _read_fat(self) -> list[int]:
        data = self.data
        n_fat = struct.unpack_from("<L", data, 0x2C)[0]
        fat_sectors = [s for s in struct.unpack_from("<109L", data, 0x4C) if s < _FREE_OR_END]
        difat = struct.unpack_from("<L", data, 0x44)[0]
        per_sector = self.sector_size // 4
        seen: set[int] = set()
        while difat < _FREE_OR_END and len(fat_sectors) < n_fat:
            if difat in seen:
                raise OleError("DIFAT loop")
            seen.add(difat)
            values = struct.unpack(f"<{per_sector}L", self._sector(difat))
            fat_sectors.extend(v for v in values[:-1] if v < _FREE_OR_END)
            difat = values[-1]
        fat: list[int] = []
        for s in fat_sectors[: max(n_fat, 1)]:
            fat.extend(struct.unpack(f"<{per_sector}L", self._sector(s)))
        return fat

    def _read_directory(self, start: int) -> list[tuple[str, int, int, int]]:
        entries: list[tuple[str, int, int, int]] = []
        for n in self._chain(start):
            sector = self._sector(n)
            for off in range(0, len(sector) - 127, 128):
                raw = sector[off : off + 128]
                name_len = struct.unpack_from("<H", raw, 0x40)[0]
                kind = raw[0x42]
                if kind == 0 or not 2 <= name_len <= 64:
                    continue
                name = raw[: name_len - 2].decode("utf-16-le", "replace")
                first, size = struct.unpack_from("<LL", raw, 0x74)
                entries.append((name, kind, first, size))
                if len(entries) > _MAX_DIR_ENTRIES:
                    raise OleError("too many directory entries")
        return entries

    # -- queries ---------------------------------------------------------------------------
    @property
    def names(self) -> set[str]:
        return {name for name, _kind, _first, _size in self.entries}

    def stream_head(self, name: str, length: int = 512) -> bytes:
        """The first bytes of a (regular, non-mini) stream; ``b""`` when unavailable."""
        for entry_name, kind, first, size in self.entries:
            if entry_name == name and kind == 2 and size >= self.mini_cutoff:
                out = bytearray()
                for n in self._chain(first):
                    out += self._sector(n)
                    if len(out) >= length:
                        break
                return bytes(out[: min(length, size)])
        return b""


def kind_of(data: bytes) -> str:
    """ "doc", "xls", "ppt", "encrypted_office", "ole2" (something else) or "ole2_damaged"."""
    try:
        names = Ole2(data).names
    except (OleError, struct.error, IndexError):
        return "ole2_damaged"
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return "encrypted_office"
    if "WordDocument" in names:
        return "doc"
    if "Workbook" in names or "Book" in names:
        return "xls"
    if "PowerPoint Document" in names:
        return "ppt"
    return "ole2"


def word_is_encrypted(data: bytes) -> bool:
    """True when a Word 97-2003 file's FIB says it is password-protected (fEncrypted)."""
    try:
        head = Ole2(data).stream_head("WordDocument", 32)
    except (OleError, struct.error, IndexError):
        return False
    if len(head) < 12 or struct.unpack_from("<H", head, 0)[0] != 0xA5EC:
        return False
    flags = struct.unpack_from("<H", head, 0x0A)[0]
    return bool(flags & 0x0100)
