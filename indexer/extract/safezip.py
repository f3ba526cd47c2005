"""Reading zip containers (.docx, .odt) without trusting them.

The directory is checked before anything is decompressed (member count, declared sizes,
compression ratio), and every member is then inflated by hand with a hard output limit, so a
member that lies about its size cannot make us allocate more than the limits allow.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from . import messages
from .model import ExtractLimits

# Members smaller than this may compress as well as they like (tiny repetitive XML parts do).
_RATIO_FLOOR = 1024 * 1024
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_LOCAL_MAGIC = b"PK\x03\x04"


def declared_entries(data: bytes) -> int | None:
    """The member count the end-of-central-directory record declares (ZIP64 aware),
    read without parsing the directory; ``None`` when there is no such record."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65557))
    if end < 0 or end + 22 > len(data):
        return None
    count = struct.unpack_from("<H", data, end + 10)[0]
    if count == 0xFFFF:
        locator = end - 20
        if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
            offset = struct.unpack_from("<Q", data, locator + 8)[0]
            if offset + 56 <= len(data) and data[offset : offset + 4] == b"PK\x06\x06":
                return struct.unpack_from("<Q", data, offset + 32)[0]
    return count


class SafeZip:
    """A zip archive in memory whose directory has passed the zip-bomb checks."""

    def __init__(self, data: bytes, limits: ExtractLimits):
        self.data = data
        self.limits = limits
        entries = declared_entries(data)
        if entries is not None and entries > limits.max_zip_members:
            raise messages.zip_bomb()  # before zipfile builds an object per member
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except Exception as e:  # zipfile raises many kinds on hostile bytes: all are "corrupt"
            raise messages.corrupt() from e
        check_directory(infos, limits)
        self._infos = {info.filename: info for info in infos}
        self._budget = limits.max_uncompressed_bytes

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str, *, max_size: int | None = None) -> bytes:
        """The member's bytes, inflated under the limits; ``KeyError`` when absent."""
        info = self._infos[name]
        if max_size is not None and info.file_size > max_size:
            raise messages.corrupt()
        out = inflate_member(self.data, info, self._budget)
        self._budget -= len(out)
        return out

    def get(self, name: str, *, max_size: int | None = None) -> bytes | None:
        return self.read(name, max_size=max_size) if name in self._infos else None


def check_directory(infos: list[zipfile.ZipInfo], limits: ExtractLimits) -> None:
    """Reject a zip bomb from its directory alone, before decompressing anything."""
    if len(infos) > limits.max_zip_members:
        raise messages.zip_bomb()
    total = 0
    for info in infos:
        size, packed = info.file_size, info.compress_size
        if size > limits.max_uncompressed_bytes:
            raise messages.zip_bomb()
        if size > _RATIO_FLOOR and size > limits.max_compression_ratio * max(packed, 1):
            raise messages.zip_bomb()
        total += size
        if total > limits.max_uncompressed_bytes:
            raise messages.zip_bomb()


def inflate_member(data: bytes, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Inflate one member from the raw archive, never producing more than ``budget`` bytes or
    more than the member declared, and verifying its CRC."""
    if info.flag_bits & 0x1:
        raise messages.encrypted()
    start = info.header_offset
    try:
        magic, _ver, _flags, _method, _t, _d, _crc, _csize, _usize, nlen, xlen = (
            _LOCAL_HEADER.unpack_from(data, start)
        )
    except struct.error as e:
        raise messages.corrupt() from e
    if magic != _LOCAL_MAGIC:
        raise messages.corrupt()
    begin = start + _LOCAL_HEADER.size + nlen + xlen
    packed = data[begin : begin + info.compress_size]
    if len(packed) < info.compress_size:
        raise messages.corrupt()
    declared = info.file_size
    if declared > budget:
        raise messages.zip_bomb()
    if info.compress_type == zipfile.ZIP_STORED:
        out = packed
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        out = _inflate(packed, declared)
    else:
        raise messages.corrupt()
    if len(out) != declared or zlib.crc32(out) != info.CRC:
        raise messages.corrupt()
    return out


def _inflate(packed: bytes, limit: int) -> bytes:
    """Raw-deflate ``packed``; more output than ``limit`` (the declared size) is a zip bomb."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    parts: list[bytes] = []
    produced = 0
    try:
        for offset in range(0, len(packed), _CHUNK):
            pending = packed[offset : offset + _CHUNK]
            while pending and not inflater.eof:
                piece = inflater.decompress(pending, _CHUNK)
                produced += len(piece)
                if produced > limit:
                    raise messages.zip_bomb()
                parts.append(piece)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        piece = inflater.flush()
    except zlib.error as e:
        raise messages.corrupt() from e
    if produced + len(piece) > limit:
        raise messages.zip_bomb()
    parts.append(piece)
    return b"".join(parts)
