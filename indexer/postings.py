"""Posting lists of Whoosh's W3 codec copied block by block from one segment into another.

A W3 posting list is a 4-byte header and a chain of blocks, each a signed length (negative
for the list's last block), a pickled info tuple (postings, last document, highest weight,
compression, shortest and longest field length as bytes) and the pickled data (the
documents delta-encoded from 0, the weights, the values). Merging segments that hold no
deleted documents moves every document by a fixed offset, so a block changes only in its
first document number and in the last one its info records: the blocks are copied with
those two numbers rewritten, never decoded posting by posting (Whoosh's own merge pools
every posting again and sorts them: 45 % of a bulk ingest's time).
"""

from __future__ import annotations

import pickle
import struct
import zlib

HEADER = b"W3Bl"
_LENGTH = struct.Struct("!i")

# Pickle opcodes of the small non-negative ints a first document number is written with.
_MARK, _BININT1, _BININT2, _BININT = 0x28, 0x4B, 0x4D, 0x4A


class BadPostings(ValueError):
    """A posting list that is not laid out as this module expects."""


def _int_op(v: int) -> bytes:
    if v < 0x100:
        return bytes((_BININT1, v))
    if v < 0x10000:
        return bytes((_BININT2,)) + v.to_bytes(2, "little")
    return bytes((_BININT,)) + v.to_bytes(4, "little", signed=True)


def _shift_data(data: bytes, base: int) -> bytes:
    """A block's pickled data with its first document number moved by ``base``: the
    pickle is ``PROTO 2``, the documents' tuple (a MARK first when it has more than
    three), and the first number a BININT opcode, rewritten in place. Any other layout is
    decoded and pickled again."""
    if data[:2] == b"\x80\x02":
        p = 3 if data[2] == _MARK else 2
        op = data[p]
        if op == _BININT1:
            v, end = data[p + 1], p + 2
        elif op == _BININT2:
            v, end = int.from_bytes(data[p + 1 : p + 3], "little"), p + 3
        elif op == _BININT:
            v, end = int.from_bytes(data[p + 1 : p + 5], "little", signed=True), p + 5
        else:
            v = None
        if v is not None and v >= 0:
            return data[:p] + _int_op(v + base) + data[end:]
    ids, weights, values = pickle.loads(data)
    return pickle.dumps(((ids[0] + base, *ids[1:]), weights, values), 2)


def copy_blocks(src, offset: int, length: int, base: int, last: bool, write) -> int:
    """Copy the blocks of the posting list at ``src[offset:offset + length]`` (its header
    left out) through ``write``, each document number moved by ``base``; the list's last
    block is marked as the last only when ``last``. Compressed blocks are written
    uncompressed. Returns the number of blocks."""
    if bytes(src[offset : offset + 4]) != HEADER:
        raise BadPostings("posting list without its header")
    pos, end, blocks = offset + 4, offset + length, 0
    while pos < end:
        (n,) = _LENGTH.unpack_from(src, pos)
        final = n < 0
        n = -n if final else n
        block = bytes(src[pos + 4 : pos + 4 + n])
        pos += 4 + n
        info = pickle.loads(block)
        infobytes = pickle.dumps(info, 2)
        if block[: len(infobytes)] != infobytes:
            raise BadPostings("a block's info is not pickled as Whoosh pickles it")
        data = block[len(infobytes) :]
        count, maxid, maxweight, comp, minlen, maxlen = info
        if comp:
            data = zlib.decompress(data)
        if base:
            data = _shift_data(data, base)
        if base or comp:
            infobytes = pickle.dumps((count, maxid + base, maxweight, 0, minlen, maxlen), 2)
        size = len(infobytes) + len(data)
        write(_LENGTH.pack(-size if final and last else size) + infobytes + data)
        blocks += 1
        if final:
            break
    if pos != end:
        raise BadPostings("a posting list's last block is not where its extent ends")
    return blocks
