"""Cases: the 申报表's fields and the case's document, creating and editing them, reading
them (with permission), the 申报表 template, bulk ingest, reviews (点评), and keeping the
derived index in step (search and similar cases read it)."""
