"""The node's change-following state is parsed again only when its file changed, and each
caller gets a copy of its own."""

from __future__ import annotations

import json

from library.cases import changes


def test_the_state_is_read_again_only_when_the_file_changed(tmp_path):
    path = tmp_path / "index.changes.json"
    path.write_text(json.dumps({"watermark": "2026-01-01T00:00:00", "seen": {"A": "x"}}))
    first = changes._load(path)
    first["seen"]["B"] = "y"  # the caller's copy
    assert changes._load(path) == {"watermark": "2026-01-01T00:00:00", "seen": {"A": "x"}}
    changes._save(path, {"watermark": "2026-01-02T00:00:00", "seen": {"C": "2026-01-02T00:00:00"}})
    assert changes._load(path) == {
        "watermark": "2026-01-02T00:00:00",
        "seen": {"C": "2026-01-02T00:00:00"},
    }
    path.write_text("not json")
    assert changes._load(path) is None
    path.unlink()
    assert changes._load(path) is None
