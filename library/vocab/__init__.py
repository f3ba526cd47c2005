"""Controlled vocabularies shared by every feature: administrative divisions (regions), the
theme catalogue (目录式分类) and the unified tags (统一标签)."""
